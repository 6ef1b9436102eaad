/** The process exit codes of every command (documented in the README and in `--help`). */
export const EXIT_CODES = {
  /** Everything asked for was done (for `check`: every token was checked, valid or not). */
  ok: 0,
  /** The operation, or at least one token, failed (API error, network, Pulumi). */
  failed: 1,
  /** Usage or input error: unknown flag, bad value, missing connection detail, unreadable file. */
  usage: 2,
  /** Interrupted (Ctrl-C at a prompt). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
