import type { Io } from "../io.js";
import { formatDescription } from "./print-description.js";
import type { TokenDescription } from "./token-description.js";

/**
 * Shows a newly issued token (reset, scope). The description always; the token itself only to a stdout
 * that is not a terminal (a pipe or file, where the caller asked for it) or with --show-token.
 * - `--json`: one JSON object on stdout, with `token` under the same rule.
 * - stdout not a terminal: the token alone on stdout (`NEW=$(ghes-oauth reset < old)`), the description on stderr.
 * - a terminal: the description on stdout, the token only with --show-token.
 */
export function emitNewToken(
  io: Io,
  description: TokenDescription,
  token: string,
  options: { json: boolean; showToken: boolean },
): void {
  const reveal = options.showToken || !io.stdout.isTTY;
  if (options.json) {
    io.stdout.write(`${JSON.stringify(reveal ? { ...description, token } : description)}\n`);
    return;
  }
  if (!io.stdout.isTTY) {
    io.stderr.write(formatDescription(description));
    io.stdout.write(`${token}\n`);
    return;
  }
  io.stdout.write(formatDescription(description));
  if (options.showToken) io.stdout.write(`${"token:".padEnd(22)}${token}\n`);
  else io.stderr.write("(the token is not shown on a terminal: add --show-token, or redirect stdout)\n");
}
