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

/** An OAuth app's user token, shaped like GitHub's: `gho_` and 36 alphanumerics. */
export function newOAuthAppToken(): string {
  return `gho_${randomAlphanumeric(36)}`;
}

/** A refresh token shaped like GitHub's: `ghr_` and 36 alphanumerics. */
export function newRefreshToken(): string {
  return `ghr_${randomAlphanumeric(36)}`;
}

/** A device-flow device code: 40 hex digits, as GitHub's. */
export function newDeviceCode(): string {
  return randomBytes(20).toString("hex");
}

// Capitals and digits without the look-alikes (0/O, 1/I): a person types this code.
const USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A device-flow user code, `XXXX-XXXX`. */
export function newUserCode(): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A web-flow authorization code: 20 hex digits, as GitHub's. */
export function newWebFlowCode(): string {
  return randomBytes(10).toString("hex");
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
