import { randomBytes } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const alphanumerics = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
const base64url = (bytes: number) => randomBytes(bytes).toString("base64url");

/** A `ghs_` installation token in the 2026 JWT form (header.payload.signature, base64url), `length` long. */
export function ghsJwtToken(length = 1024): string {
  const header = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString("base64url");
  const signature = base64url(256).slice(0, 342);
  const payloadLength = length - "ghs_".length - header.length - signature.length - 2;
  const payload = base64url(payloadLength).slice(0, payloadLength);
  return `ghs_${header}.${payload}.${signature}`;
}

/** Tomorrow's token shapes, each fresh: the lengths GitHub tells clients to be ready for. */
export function futureTokens(): Record<string, string> {
  return {
    "ghs_ JWT, 1 KiB": ghsJwtToken(1024),
    "ghs_ JWT, 520 chars": ghsJwtToken(520),
    "ghu_, 255 chars": `ghu_${alphanumerics(251)}`,
    "ghr_, 255 chars": `ghr_${alphanumerics(251)}`,
    "gho_, 255 chars": `gho_${alphanumerics(251)}`,
    "ghp_, 255 chars": `ghp_${alphanumerics(251)}`,
    github_pat_: `github_pat_${alphanumerics(22)}_${alphanumerics(59)}`,
  };
}

/** Every `width`-character window of `secret`: none may appear in output that must not reveal it. */
export function windowsOf(secret: string, width = 24): string[] {
  const windows: string[] = [];
  for (let start = 0; start + width <= secret.length; start += 8)
    windows.push(secret.slice(start, start + width));
  return windows;
}
