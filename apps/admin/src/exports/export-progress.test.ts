import { describe, expect, it } from 'vitest';
import {
  afterAnswer,
  EXPORT_TIMEOUT_MS,
  type ExportProgress,
  type ExportView,
  fileNameOf,
  POLL_INTERVAL_MS,
  runExport,
} from './export-progress';

const view = (status: ExportView['status'], more: Partial<ExportView> = {}): ExportView => ({
  id: '0f6a3c2e-1111-4222-8333-944455556666',
  status,
  url: null,
  fileName: null,
  error: null,
  ...more,
});

describe('the file name an export is saved under', () => {
  it("is the server's name, Vietnamese letters kept", () => {
    expect(fileNameOf({ id: 'x', fileName: 'Báo cáo 410-BC-TU.xlsx' }, 'XLSX')).toBe(
      'Báo cáo 410-BC-TU.xlsx',
    );
  });

  it('keeps only the last segment of a path and drops characters file systems refuse', () => {
    expect(fileNameOf({ id: 'x', fileName: '../../etc/a:b?.csv' }, 'CSV')).toBe('ab.csv');
    expect(fileNameOf({ id: 'x', fileName: 'C:\\temp\\bang.xlsx' }, 'XLSX')).toBe('bang.xlsx');
  });

  it('is made from the id and the format when the server gives none', () => {
    expect(fileNameOf({ id: '0f6a3c2e-1111', fileName: null }, 'DOCX')).toBe('bao-cao-0f6a3c2e.docx');
    expect(fileNameOf({ id: '0f6a3c2e-1111', fileName: ' .. ' }, 'CSV')).toBe('bao-cao-0f6a3c2e.csv');
  });
});

describe('the step after an answer', () => {
  const requesting: ExportProgress = { phase: 'requesting', format: 'XLSX' };

  it('waits while the export is pending or running, from the time of the first answer', () => {
    const first = afterAnswer(requesting, view('PENDING'), 1_000);
    expect(first).toEqual({
      phase: 'waiting',
      format: 'XLSX',
      id: view('PENDING').id,
      status: 'PENDING',
      since: 1_000,
    });
    expect(afterAnswer(first, view('RUNNING'), 5_000)).toMatchObject({ status: 'RUNNING', since: 1_000 });
  });

  it('downloads a finished export from its url under its file name', () => {
    const done = view('DONE', { url: '/exports/1/file', fileName: 'bang-theo-doi.xlsx' });
    expect(afterAnswer(requesting, done, 0)).toEqual({
      phase: 'downloading',
      format: 'XLSX',
      id: done.id,
      url: '/exports/1/file',
      fileName: 'bang-theo-doi.xlsx',
    });
  });

  it("fails with the server's error text", () => {
    expect(afterAnswer(requesting, view('FAILED', { error: 'Không đọc được dữ liệu' }), 0)).toEqual({
      phase: 'failed',
      format: 'XLSX',
      reason: 'server',
      error: 'Không đọc được dữ liệu',
    });
  });

  it('gives up once two minutes have passed since the first answer, not before', () => {
    const waiting = afterAnswer(requesting, view('PENDING'), 0);
    expect(afterAnswer(waiting, view('RUNNING'), EXPORT_TIMEOUT_MS - 1).phase).toBe('waiting');
    expect(afterAnswer(waiting, view('RUNNING'), EXPORT_TIMEOUT_MS)).toMatchObject({
      phase: 'failed',
      reason: 'timeout',
    });
  });
});

/** A fake clock: sleeping moves it on; the API's answers come from a list. */
function scripted(answers: ExportView[], { failDownload = false } = {}) {
  let now = 0;
  const reads: number[] = [];
  const downloads: [string, string][] = [];
  const steps = {
    request: async () => answers[0]!,
    read: async () => {
      reads.push(now);
      return answers[Math.min(reads.length, answers.length - 1)]!;
    },
    download: async (url: string, fileName: string) => {
      if (failDownload) throw new Error('HTTP 404');
      downloads.push([url, fileName]);
    },
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
  return { steps, reads, downloads };
}

describe('running an export', () => {
  it('reads it every second until done, then downloads it, reporting each step', async () => {
    const done = view('DONE', { url: '/exports/1/file', fileName: 'bang.xlsx' });
    const { steps, reads, downloads } = scripted([view('PENDING'), view('RUNNING'), view('RUNNING'), done]);
    const seen: string[] = [];
    const last = await runExport('XLSX', steps, (progress) =>
      seen.push(progress.phase === 'waiting' ? progress.status : progress.phase),
    );
    expect(reads).toEqual([POLL_INTERVAL_MS, 2 * POLL_INTERVAL_MS, 3 * POLL_INTERVAL_MS]);
    expect(downloads).toEqual([['/exports/1/file', 'bang.xlsx']]);
    expect(seen).toEqual(['requesting', 'PENDING', 'RUNNING', 'RUNNING', 'downloading', 'done']);
    expect(last).toEqual({ phase: 'done', format: 'XLSX', fileName: 'bang.xlsx' });
  });

  it('stops at a failure with its error and downloads nothing', async () => {
    const { steps, downloads } = scripted([view('PENDING'), view('FAILED', { error: 'hỏng' })]);
    const last = await runExport('DOCX', steps, () => undefined);
    expect(last).toMatchObject({ phase: 'failed', reason: 'server', error: 'hỏng' });
    expect(downloads).toEqual([]);
  });

  it('times out after two minutes of polling', async () => {
    const { steps, reads } = scripted([view('PENDING')]);
    const last = await runExport('CSV', steps, () => undefined);
    expect(last).toMatchObject({ phase: 'failed', reason: 'timeout' });
    expect(reads.length).toBe(EXPORT_TIMEOUT_MS / POLL_INTERVAL_MS);
  });

  it('reports a failed download or request with its message', async () => {
    const done = view('DONE', { url: '/exports/1/file', fileName: 'a.csv' });
    const { steps } = scripted([done], { failDownload: true });
    expect(await runExport('CSV', steps, () => undefined)).toMatchObject({
      phase: 'failed',
      reason: 'request',
      error: 'HTTP 404',
    });
    const refused = { ...steps, request: async () => Promise.reject(new Error('Không có quyền')) };
    expect(await runExport('CSV', refused, () => undefined)).toMatchObject({ error: 'Không có quyền' });
  });

  it('reports nothing more once cancelled', async () => {
    const { steps, reads } = scripted([view('PENDING'), view('RUNNING')]);
    let cancelled = false;
    const seen: string[] = [];
    const last = await runExport('XLSX', { ...steps, cancelled: () => cancelled }, (progress) => {
      seen.push(progress.phase);
      if (progress.phase === 'waiting') cancelled = true;
    });
    expect(seen).toEqual(['requesting', 'waiting']);
    expect(reads).toEqual([]);
    expect(last.phase).toBe('waiting');
  });
});
