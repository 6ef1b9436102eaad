import { headerValue, type ResponseHeaders } from "../request/response-headers.js";

/**
 * Seconds the server asks us to wait, from `Retry-After` (seconds or HTTP date) or, when the
 * primary rate limit is exhausted, `x-ratelimit-reset` (epoch seconds). Undefined if it did not say.
 */
export function serverWaitSeconds(headers: ResponseHeaders, nowMs: number): number | undefined {
  const retryAfter = headerValue(headers, "retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - nowMs) / 1000));
  }
  if (headerValue(headers, "x-ratelimit-remaining") === "0") {
    const reset = headerValue(headers, "x-ratelimit-reset")?.trim();
    if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) - Math.floor(nowMs / 1000));
  }
  return undefined;
}

/** A 403 is a rate limit when the primary limit is exhausted or the server asks us to back off. */
export function isRateLimited403(headers: ResponseHeaders): boolean {
  return (
    headerValue(headers, "x-ratelimit-remaining") === "0" || headerValue(headers, "retry-after") !== undefined
  );
}
