import { UsageError } from "../usage-error.js";

/** Thrown when the user presses Ctrl-C (or Ctrl-D on an empty line) at a prompt. */
export class PromptInterrupted extends Error {
  override name = "PromptInterrupted";
}

/**
 * Asks for a value on a terminal without echoing it: the prompt goes to `output`, keystrokes are read in
 * raw mode from `input` (Enter ends, Backspace deletes, Ctrl-C aborts).
 */
export function promptHidden(
  input: NodeJS.ReadStream,
  output: NodeJS.WritableStream,
  question: string,
): Promise<string> {
  if (!input.isTTY) throw new UsageError("cannot prompt: stdin is not a terminal");
  // Raw mode (no echo) before the prompt shows: a value typed or pasted the moment it appears must not echo.
  input.setRawMode(true);
  output.write(question);
  input.resume();
  input.setEncoding("utf8");
  let value = "";
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
      outcome();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return finish(() => resolve(value));
        if (char === "\u0003" || (char === "\u0004" && value === ""))
          return finish(() => reject(new PromptInterrupted("interrupted at the prompt")));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else if (char >= " ") value += char;
      }
    };
    input.on("data", onData);
  });
}
