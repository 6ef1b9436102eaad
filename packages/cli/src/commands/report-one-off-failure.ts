import { InvalidInputError, NotFoundError } from "@ghes-oauth/client";
import { EXIT_CODES, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { describeError } from "../output/describe-error.js";
import { terminalSafe } from "../terminal/terminal-safe.js";
import { UsageError } from "../usage-error.js";

/** The exit code and message for a failed one-off call: bad input is a usage error, the rest failed. */
export function reportOneOffFailure(io: Io, command: string, error: unknown): ExitCode {
  if (error instanceof InvalidInputError)
    throw new UsageError(error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), command);
  const hint =
    error instanceof NotFoundError
      ? " (the token is unknown, revoked or expired, or the client ID/secret are not the issuing app's)"
      : "";
  io.stderr.write(`ghes-oauth ${command}: ${terminalSafe(describeError(error))}${hint}\n`);
  return EXIT_CODES.failed;
}
