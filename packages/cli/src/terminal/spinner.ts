const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const FRAME_MS = 100;

/** A one-line spinner on a terminal with a message that can change (e.g. the polling interval). */
export class Spinner {
  #frame = 0;
  #message: string;
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly output: NodeJS.WriteStream,
    message: string,
  ) {
    this.#message = message;
    this.#draw();
    this.#timer = setInterval(() => this.#draw(), FRAME_MS);
    this.#timer.unref();
  }

  update(message: string): void {
    this.#message = message;
    this.#draw();
  }

  stop(finalMessage: string): void {
    clearInterval(this.#timer);
    this.output.write(`\r\u001b[2K${finalMessage}\n`);
  }

  #draw(): void {
    const frame = FRAMES[this.#frame++ % FRAMES.length];
    this.output.write(`\r\u001b[2K${frame} ${this.#message}`);
  }
}
