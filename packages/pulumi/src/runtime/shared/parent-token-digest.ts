import { createHash } from "node:crypto";

/**
 * sha256 (hex) of the parent user token. State keeps this instead of a second encrypted copy of the
 * token: enough to tell at the next `up` whether the program passes a different parent, and, like
 * GitHub's own `hashed_token`, it does not reveal the token. (The engine re-encrypts the secrets of a
 * checkpoint each time it writes one: one fewer per resource is less of that work at every step.)
 */
export function parentTokenDigest(accessToken: string): string {
  return createHash("sha256").update(accessToken).digest("hex");
}
