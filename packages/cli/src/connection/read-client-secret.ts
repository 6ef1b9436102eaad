import { readFile } from "node:fs/promises";
import type { Io } from "../io.js";
import { promptHidden } from "../terminal/prompt-hidden.js";
import { UsageError } from "../usage-error.js";

/**
 * The client secret from `--client-secret-file`, else env GHES_OAUTH_CLIENT_SECRET, else a hidden prompt
 * when stdin is a terminal. Never from a flag value (ps would show it).
 */
export async function readClientSecret(
  io: Io,
  secretFile: string | undefined,
  clientId: string,
): Promise<string> {
  if (secretFile !== undefined) {
    let text: string;
    try {
      text = await readFile(secretFile, "utf8");
    } catch (error) {
      throw new UsageError(
        `--client-secret-file: cannot read ${secretFile} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
    const secret = text.trim();
    if (secret === "") throw new UsageError(`--client-secret-file: ${secretFile} is empty`);
    if (/\s/.test(secret))
      throw new UsageError(`--client-secret-file: ${secretFile} must hold only the secret, on one line`);
    return secret;
  }
  const fromEnv = io.env.GHES_OAUTH_CLIENT_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (io.stdin.isTTY) {
    const typed = (await promptHidden(io.stdin, io.stderr, `Client secret for ${clientId}: `)).trim();
    if (typed === "") throw new UsageError("no client secret was entered");
    return typed;
  }
  throw new UsageError(
    "missing client secret: set GHES_OAUTH_CLIENT_SECRET, pass --client-secret-file FILE, or run on a terminal to be prompted",
  );
}
