import type { ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";

/** One subcommand: its help text and what it does with its own arguments. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], io: Io): Promise<ExitCode>;
}
