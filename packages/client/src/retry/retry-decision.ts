import { RateLimitError, ServerError, TransportError } from "../errors.js";
import { backoffDelayMs, type RetryPolicy } from "./retry-policy.js";

/**
 * `idempotent`: repeating the request cannot do more than doing it once (check, delete, revoke).
 * `mints`: the request creates or rotates a token, so it is repeated only when the server provably
 * did not act on it; a blind retry could leave an orphan token.
 */
export type ReplaySafety = "idempotent" | "mints";

/** Codes meaning the connection broke; the server may or may not have seen the request. */
const CONNECTION_LOST = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
/** Codes meaning no byte of the request reached the server. */
const NEVER_SENT = new Set(["ECONNREFUSED"]);

/** How long to wait before the next attempt, or undefined when the error must be thrown. */
export function retryDelayMs(
  error: unknown,
  safety: ReplaySafety,
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.retries) return undefined;
  if (error instanceof RateLimitError) return serverOrBackoff(error.retryAfter, policy, attempt, random);
  if (error instanceof TransportError) {
    if (NEVER_SENT.has(error.code)) return backoffDelayMs(policy, attempt, random);
    if (safety === "idempotent" && CONNECTION_LOST.has(error.code))
      return backoffDelayMs(policy, attempt, random);
    return undefined;
  }
  if (error instanceof ServerError && safety === "idempotent") {
    return serverOrBackoff(error.retryAfter, policy, attempt, random);
  }
  return undefined;
}

function serverOrBackoff(
  retryAfterSeconds: number | undefined,
  policy: RetryPolicy,
  attempt: number,
  random: () => number,
): number | undefined {
  if (retryAfterSeconds === undefined) return backoffDelayMs(policy, attempt, random);
  const wait = retryAfterSeconds * 1000;
  return wait > policy.maxDelayMs ? undefined : wait;
}
