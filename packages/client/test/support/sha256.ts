import { createHash } from "node:crypto";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A token in GitHub's user-to-server format that no server issued. */
export const UNKNOWN_TOKEN = "ghu_000000000000000000000000000000000000";
