import { fingerprint, type TokenFingerprint } from "../tokens/fingerprint.js";

/** One input line, numbered from 1: a token, or a line that cannot be one. Blank and `#` lines are dropped earlier. */
export type InputLine =
  | {
      readonly line: number;
      readonly kind: "token";
      readonly token: string;
      readonly fingerprint: TokenFingerprint;
    }
  | { readonly line: number; readonly kind: "malformed"; readonly reason: string };

const MIN_LENGTH = 20;
/**
 * GitHub asks clients to accept tokens of at least 255 characters, and its JWT-shaped `ghs_`
 * installation tokens run past 500; 1 KiB leaves room for what comes next.
 */
const MAX_LENGTH = 1024;

/** Letters, digits and `_`, plus base64url's `-` and the dots of the JWT-shaped `ghs_` tokens. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9_.-]+$/;

/**
 * Judges a trimmed line. The reason describes the problem without quoting the line: a malformed line may
 * still be most of a real token.
 */
export function classifyLine(line: number, text: string): InputLine {
  let reason: string | undefined;
  if (/\s/.test(text)) reason = "contains whitespace; put one token per line";
  else if (!TOKEN_CHARACTERS.test(text))
    reason = "contains characters a GitHub token never has (only letters, digits, _, - and .)";
  else if (text.length < MIN_LENGTH) reason = `too short for a GitHub token (${text.length} characters)`;
  else if (text.length > MAX_LENGTH) reason = `too long for a GitHub token (${text.length} characters)`;
  if (reason !== undefined) return { line, kind: "malformed", reason };
  return { line, kind: "token", token: text, fingerprint: fingerprint(text) };
}

/** Splits text into numbered lines, trims them, and drops blank lines and `#` comments. */
export function classifyText(text: string): InputLine[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const result: InputLine[] = [];
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    result.push(classifyLine(index + 1, trimmed));
  });
  return result;
}
