/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per step otherwise). */
export class ProgressBar {
  private lastDrawn = 0;
  private lastStep = '';
  private readonly startedAt = performance.now();

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  update(label: string, done: number, total: number): void {
    const now = performance.now();
    // A terminal is redrawn at most ten times a second; a log gets a line per tenth of the way.
    if (this.out.isTTY) {
      if (now - this.lastDrawn < 100 && done < total) return;
    } else {
      const step = `${label} ${total === 0 ? 10 : Math.floor((done * 10) / total)}`;
      if (step === this.lastStep) return;
      this.lastStep = step;
    }
    this.lastDrawn = now;
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(share * this.width);
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ` +
      `${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ` +
      `${((now - this.startedAt) / 1000).toFixed(1)} s`;
    this.out.write(this.out.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
  }

  /** Ends the current bar's line. */
  done(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  note(text: string): void {
    this.out.write(`${text}\n`);
  }
}
