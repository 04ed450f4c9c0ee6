import { once } from 'node:events';
import type { Writable } from 'node:stream';

import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Lines are sent in chunks of about this size: one stream write per line would cost more than the row. */
const CHUNK = 256 * 1024;

/**
 * Streams rows into one table with `COPY … FROM STDIN` on its own connection, respecting
 * back-pressure so memory stays flat however many rows go through.
 */
export class CopyWriter {
  private buffer = '';
  private stream: Writable | null = null;
  rows = 0;

  constructor(
    private readonly client: pg.Client,
    readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  open(): void {
    this.stream = this.client.query(
      copyFrom(`COPY ${this.table} (${this.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
    );
  }

  async write(line: string): Promise<void> {
    this.buffer += line;
    this.rows++;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.stream) this.open();
    const stream = this.stream as Writable;
    const chunk = this.buffer;
    this.buffer = '';
    if (!stream.write(chunk, 'utf8')) await once(stream, 'drain');
  }

  async end(): Promise<void> {
    if (this.buffer.length > 0 || !this.stream) await this.flush();
    const stream = this.stream as Writable;
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    stream.end();
    await finished;
  }
}
