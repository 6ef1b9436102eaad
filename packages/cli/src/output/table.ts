import { terminalSafe } from "../terminal/terminal-safe.js";

/** A fixed-width text table written row by row, so results can stream as they arrive. */
export class StreamingTable {
  readonly #widths: readonly number[];

  constructor(
    private readonly output: NodeJS.WritableStream,
    private readonly headers: readonly string[],
    widths: readonly number[],
  ) {
    this.#widths = widths;
  }

  header(): void {
    this.row(this.headers);
  }

  row(cells: readonly string[]): void {
    const padded = cells.map((cell, index) => {
      const width = this.#widths[index];
      const safe = terminalSafe(cell);
      return width === undefined ? safe : safe.padEnd(width);
    });
    this.output.write(`${padded.join("  ").trimEnd()}\n`);
  }
}
