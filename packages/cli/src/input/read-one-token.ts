import type { Io } from "../io.js";
import { UsageError } from "../usage-error.js";
import { classifyText } from "./classify-line.js";
import { readInput } from "./read-input.js";

/** The single token a one-off command (reset, scope, revoke-grant) works on, from a FILE or stdin. */
export async function readOneToken(io: Io, positionals: readonly string[], command: string): Promise<string> {
  const lines = classifyText(await readInput(io, positionals, command));
  const [first, ...rest] = lines;
  if (!first) throw new UsageError("no token in the input: give one token in a FILE or on stdin", command);
  if (rest.length > 0)
    throw new UsageError(`${command} takes exactly one token; the input has ${lines.length} lines`, command);
  if (first.kind === "malformed") throw new UsageError(`line ${first.line}: ${first.reason}`, command);
  return first.token;
}
