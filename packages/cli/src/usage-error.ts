/**
 * A mistake in how the command was called (exit code 2). The message names the flag, file or line at
 * fault and the fix; it never repeats a secret or token value.
 */
export class UsageError extends Error {
  override name = "UsageError";
  /** The command whose `--help` explains the fix, when there is one. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
