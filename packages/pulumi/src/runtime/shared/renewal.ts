import { renewBeforeSeconds } from "./duration.js";

/**
 * Whether a token that expires at `expiresAt` (ISO 8601, on the server's clock) is due for renewal at
 * `nowMs` (the server's clock too): it expires within `renewBefore`, or already has. A token that never
 * expires (null) is never due.
 */
export function dueForRenewal(expiresAt: unknown, renewBefore: unknown, nowMs: number): boolean {
  if (typeof expiresAt !== "string") return false;
  const expiresMs = Date.parse(expiresAt);
  if (Number.isNaN(expiresMs)) return false;
  return expiresMs - nowMs <= renewBeforeSeconds(renewBefore) * 1000;
}
