import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomAlphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** A user-to-server token shaped like GitHub's: `ghu_` and 36 alphanumerics. */
export function newUserToken(): string {
  return `ghu_${randomAlphanumeric(36)}`;
}

export function newClientId(): string {
  return `Iv1.${randomBytes(8).toString("hex")}`;
}

export function newClientSecret(): string {
  return randomBytes(20).toString("hex");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Compares two hex digests in constant time. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
