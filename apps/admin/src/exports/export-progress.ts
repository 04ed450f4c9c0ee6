/**
 * The life of one export as the console follows it: asked for, then read every second until
 * the worker has made the file (or failed, or two minutes passed), then downloaded. Pure
 * functions, so the steps are tested without a server or timers.
 */
export const EXPORT_FORMATS = ['DOCX', 'XLSX', 'CSV'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

/** What the API answers for an export (exportReport, Export). */
export interface ExportView {
  id: string;
  status: ExportStatus;
  url: string | null;
  fileName: string | null;
  error: string | null;
}

/** How often the export is read again, and how long the console waits for the worker. */
export const POLL_INTERVAL_MS = 1_000;
export const EXPORT_TIMEOUT_MS = 2 * 60_000;

export type ExportProgress =
  | { phase: 'requesting'; format: ExportFormat }
  | { phase: 'waiting'; format: ExportFormat; id: string; status: 'PENDING' | 'RUNNING'; since: number }
  | { phase: 'downloading'; format: ExportFormat; id: string; url: string; fileName: string }
  | { phase: 'done'; format: ExportFormat; fileName: string }
  | { phase: 'failed'; format: ExportFormat; reason: 'server' | 'timeout' | 'request'; error: string | null };

/** The file name the browser saves under: the server's, else one made from the export. */
export function fileNameOf(view: Pick<ExportView, 'id' | 'fileName'>, format: ExportFormat): string {
  const extension = `.${format.toLowerCase()}`;
  // Only the last path segment, without characters file systems refuse.
  const given = (view.fileName ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[<>:"|?*]/g, '')
    .split('')
    .filter((character) => character.charCodeAt(0) >= 32)
    .join('')
    .trim();
  if (given && given !== '.' && given !== '..') return given;
  return `bao-cao-${view.id.slice(0, 8)}${extension}`;
}

/** The step after an answer of the API (the first, from exportReport, or one of the polls). */
export function afterAnswer(
  current: ExportProgress,
  view: ExportView,
  now: number,
  timeoutMs = EXPORT_TIMEOUT_MS,
): ExportProgress {
  const { format } = current;
  if (view.status === 'DONE') {
    if (!view.url) return { phase: 'failed', format, reason: 'server', error: view.error };
    return { phase: 'downloading', format, id: view.id, url: view.url, fileName: fileNameOf(view, format) };
  }
  if (view.status === 'FAILED') return { phase: 'failed', format, reason: 'server', error: view.error };
  const since = current.phase === 'waiting' && current.id === view.id ? current.since : now;
  if (now - since >= timeoutMs) return { phase: 'failed', format, reason: 'timeout', error: null };
  return { phase: 'waiting', format, id: view.id, status: view.status, since };
}

export function isSettled(progress: ExportProgress): boolean {
  return progress.phase === 'done' || progress.phase === 'failed';
}

export interface ExportSteps {
  request: (format: ExportFormat) => Promise<ExportView>;
  read: (id: string) => Promise<ExportView | null>;
  download: (url: string, fileName: string) => Promise<void>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Stops the loop (the dialog was closed); no step is reported after it answers true. */
  cancelled?: () => boolean;
}

/**
 * Asks for the export, reads it every `POLL_INTERVAL_MS` until it settles or the time is up,
 * downloads the file, and reports each step. An error of the API or of the download ends it
 * as failed with the error's message.
 */
export async function runExport(
  format: ExportFormat,
  steps: ExportSteps,
  report: (progress: ExportProgress) => void,
  timeoutMs = EXPORT_TIMEOUT_MS,
): Promise<ExportProgress> {
  // Assigned here, not inside a helper, so the compiler follows the phase through the loop.
  let progress: ExportProgress = { phase: 'requesting', format };
  const show = (shown: ExportProgress) => {
    if (!steps.cancelled?.()) report(shown);
  };
  show(progress);
  try {
    progress = afterAnswer(progress, await steps.request(format), steps.now(), timeoutMs);
    show(progress);
    while (progress.phase === 'waiting') {
      await steps.sleep(POLL_INTERVAL_MS);
      if (steps.cancelled?.()) return progress;
      const view = await steps.read(progress.id);
      progress = view
        ? afterAnswer(progress, view, steps.now(), timeoutMs)
        : { phase: 'failed', format, reason: 'request', error: null };
      show(progress);
    }
    if (progress.phase === 'downloading') {
      if (steps.cancelled?.()) return progress;
      await steps.download(progress.url, progress.fileName);
      progress = { phase: 'done', format, fileName: progress.fileName };
      show(progress);
    }
  } catch (error) {
    progress = {
      phase: 'failed',
      format,
      reason: 'request',
      error: error instanceof Error ? error.message : null,
    };
    show(progress);
  }
  return progress;
}
