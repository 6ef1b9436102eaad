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
const MAX_LENGTH = 255;

/**
 * Judges a trimmed line. The reason describes the problem without quoting the line: a malformed line may
 * still be most of a real token.
 */
export function classifyLine(line: number, text: string): InputLine {
  let reason: string | undefined;
  if (/\s/.test(text)) reason = "contains whitespace; put one token per line";
  else if (!/^[A-Za-z0-9_]+$/.test(text))
    reason = "contains characters a GitHub token never has (only letters, digits and _)";
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
