import { styleText } from "node:util";

// styleText leaves the text plain when stdout is not a terminal or NO_COLOR / NODE_DISABLE_COLORS is set.
export const bold = (text: string) => styleText("bold", text);
export const dim = (text: string) => styleText("dim", text);
export const green = (text: string) => styleText("green", text);
export const red = (text: string) => styleText("red", text);

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
