import { readFile } from "node:fs/promises";
import type { Io } from "../io.js";
import { UsageError } from "../usage-error.js";

/**
 * Looks like a token typed as an argument: ghu_, ghr_, gho_, ghp_, ghs_ (the JWT form with its dots
 * and base64url `-` too), github_pat_, or 40 hex.
 */
const TOKEN_LIKE = /^(gh[a-z]_[A-Za-z0-9_.-]{20,}|github_pat_[A-Za-z0-9_.-]{20,}|[0-9a-f]{40})$/;

/**
 * The input text: the one positional argument is a FILE or `-` (stdin); none means stdin.
 * Tokens themselves are not accepted as arguments: ps and shell history would keep them.
 */
export async function readInput(io: Io, positionals: readonly string[], command: string): Promise<string> {
  const looksLikeToken = positionals.some((argument) => TOKEN_LIKE.test(argument));
  if (looksLikeToken)
    throw new UsageError(
      "an argument looks like a token: pass tokens in a FILE or on stdin, never as arguments (ps and shell history keep them)",
      command,
    );
  if (positionals.length > 1) throw new UsageError("give one input: a FILE, or - for stdin", command);
  const source = positionals[0] ?? "-";
  if (source === "-") {
    if (io.stdin.isTTY) io.stderr.write("Reading tokens from the terminal, one per line; end with Ctrl-D.\n");
    return readStream(io.stdin);
  }
  try {
    return await readFile(source, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`cannot read input file ${source} (${code})`, command);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  stream.setEncoding("utf8");
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}
