import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "../usage-error.js";

/** The flags a command takes, as `node:util` parseArgs declares them. */
export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

/** Flags that would put a secret where `ps` and shell history show it; refused with the alternative. */
const SECRET_FLAGS: Record<string, string> = {
  "--client-secret":
    "--client-secret is not accepted: a flag value is visible to other users in ps. Set GHES_OAUTH_CLIENT_SECRET, pass --client-secret-file FILE, or run on a terminal to be prompted",
  "--token":
    "--token is not accepted: a flag value is visible to other users in ps. Pass tokens in a FILE or on stdin",
};

/**
 * `node:util` parseArgs in strict mode, with `--help` added and every parse error turned into a
 * UsageError that names the flag but never repeats its value (it could be a secret typed by mistake).
 */
export function parseCommandArgs<const O extends CommandOptions>(
  command: string,
  argv: readonly string[],
  options: O,
) {
  for (const argument of argv) {
    const flag = argument.split("=", 1)[0] ?? "";
    const refusal = SECRET_FLAGS[flag];
    if (refusal) throw new UsageError(refusal, command);
  }
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(describeParseError(error), command);
  }
}

/** What parseCommandArgs gives for these options. */
export type ParsedCommandArgs<O extends CommandOptions> = ReturnType<typeof parseCommandArgs<O>>;

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Node quotes the offending argument; keep only the flag name in front of any `=value`.
  const quoted = /'([^']*)'/.exec(message)?.[1]?.split(/[= ]/, 1)[0];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted ?? ""}`.trim();
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return quoted ? `option ${quoted} needs a value` : "an option is missing its value";
    default:
      return "could not parse the arguments";
  }
}

/** A positive integer flag within bounds, e.g. `--concurrency`. */
export function integerFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
) {
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return parsed;
}
