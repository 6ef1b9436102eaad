const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

export const bold = (text: string) => paint(1, text);
export const dim = (text: string) => paint(2, text);
export const green = (text: string) => paint(32, text);
export const red = (text: string) => paint(31, text);

/** Numbered steps with timings, so a person watching knows where the demo is and how long each took. */
export class Progress {
  #step = 0;
  readonly #total: number;
  readonly #started = Date.now();

  constructor(total: number) {
    this.#total = total;
  }

  async step<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.#step += 1;
    const started = Date.now();
    console.log(`\n${bold(`[${this.#step}/${this.#total}]`)} ${bold(title)}`);
    const result = await work();
    console.log(green(`      done in ${((Date.now() - started) / 1000).toFixed(1)}s`));
    return result;
  }

  info(line: string): void {
    console.log(`      ${line}`);
  }

  #partialLine = "";

  /** Streams the Pulumi CLI's own output, indented under the current step, a whole line at a time. */
  readonly stream = (chunk: string): void => {
    const lines = (this.#partialLine + chunk).split("\n");
    this.#partialLine = lines.pop() ?? "";
    for (const line of lines) console.log(`${dim("      │")} ${line}`);
  };

  elapsedSeconds(): string {
    return ((Date.now() - this.#started) / 1000).toFixed(1);
  }
}
