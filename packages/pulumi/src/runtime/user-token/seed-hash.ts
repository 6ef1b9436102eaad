import { createHash } from "node:crypto";

/** sha256 (hex) of the seed refresh token: kept in plain state to notice a new sign-in, never the seed. */
export function seedHash(seed: string): string {
  return createHash("sha256").update(seed).digest("hex");
}
