const WIDTH = 30;
const REDRAW_MS = 100;

/**
 * A one-line progress bar on a terminal: `[#####-----] done/total pct  rate/s  ETA`. Redrawn at most
 * every 100 ms, and always on start and finish.
 */
export class ProgressBar {
  readonly #startedAt: number;
  #done = 0;
  #lastDraw = 0;

  constructor(
    private readonly output: NodeJS.WriteStream,
    private readonly total: number,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {
    this.#startedAt = now();
    this.#draw();
  }

  tick(): void {
    this.#done++;
    if (this.now() - this.#lastDraw >= REDRAW_MS || this.#done === this.total) this.#draw();
  }

  /** Prints a message above the bar. */
  note(message: string): void {
    this.output.write(`\r\u001b[2K${message}\n`);
    this.#draw();
  }

  finish(): void {
    this.#draw();
    this.output.write("\n");
  }

  #draw(): void {
    this.#lastDraw = this.now();
    const fraction = this.total === 0 ? 1 : this.#done / this.total;
    const filled = Math.round(fraction * WIDTH);
    const elapsedSeconds = (this.now() - this.#startedAt) / 1000;
    const rate = elapsedSeconds > 0 ? this.#done / elapsedSeconds : 0;
    const eta = rate > 0 ? formatSeconds((this.total - this.#done) / rate) : "--";
    const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
    this.output.write(
      `\r\u001b[2K${this.label} [${bar}] ${this.#done}/${this.total} ${Math.floor(fraction * 100)}%  ${rate.toFixed(1)}/s  ETA ${eta}`,
    );
  }
}

function formatSeconds(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  return minutes < 60
    ? `${minutes}m${String(whole % 60).padStart(2, "0")}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
