import type { Express } from 'express';

/** The `<link>` by which bull-board's page asks Google Fonts for its typeface. */
const GOOGLE_FONTS_LINK = /<link[^>]+href="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>\s*/g;

type RenderCallback = (error: Error | null, html?: string) => void;
type Engine = (path: string, options: object, callback: RenderCallback) => void;

/**
 * Renders the board's page without its link to Google Fonts (bull-board has no option to
 * leave it out): an administrator's browser on a government network should not call a third
 * party, which may not even be reachable there, and the Content-Security-Policy refuses it
 * anyway. The board reads as well in the browser's own sans-serif.
 */
export function withoutThirdPartyFonts(board: Express): void {
  // Express keeps the engine bull-board registered under the extension, with its leading dot.
  const engines = (board as unknown as { engines: Record<string, Engine | undefined> }).engines;
  const render = engines['.ejs'];
  if (!render) return;
  board.engine('ejs', (path, options, callback: RenderCallback) =>
    render(path, options, (error, html) => callback(error, html?.replace(GOOGLE_FONTS_LINK, ''))),
  );
}
