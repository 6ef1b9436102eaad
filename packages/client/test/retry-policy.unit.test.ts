import { describe, expect, it } from "vitest";
import { TransportError } from "../src/errors.js";
import { NotFoundError, RateLimitError, ServerError, ValidationError } from "../src/index.js";
import { Redactor } from "../src/redaction/redactor.js";
import { mapResponseError } from "../src/request/map-response-error.js";
import { retryDelayMs } from "../src/retry/retry-decision.js";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from "../src/retry/retry-policy.js";
import { serverWaitSeconds } from "../src/retry/server-wait.js";

const policy: RetryPolicy = { retries: 3, minDelayMs: 100, maxDelayMs: 1_000 };
const request = { method: "POST", route: "/applications/{client_id}/token" };
const redactor = new Redactor([]);

function apiError(status: number, headers: Record<string, string> = {}, body = "{}") {
  return mapResponseError(request, { status, headers, body }, redactor, 1_700_000_000_000);
}
const transport = (code: string) => new TransportError(request, code, "x", undefined);

describe("backoffDelayMs (full jitter)", () => {
  it("grows exponentially and is capped by maxDelayMs", () => {
    const top = () => 0.999_999;
    expect(backoffDelayMs(policy, 0, top)).toBe(99);
    expect(backoffDelayMs(policy, 1, top)).toBe(199);
    expect(backoffDelayMs(policy, 3, top)).toBe(799);
    expect(backoffDelayMs(policy, 4, top)).toBe(999);
    expect(backoffDelayMs(policy, 30, top)).toBe(999);
  });

  it("draws uniformly from zero", () => {
    expect(backoffDelayMs(policy, 2, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 2, () => 0.5)).toBe(200);
  });

  it("defaults to 3 retries", () => {
    expect(DEFAULT_RETRY_POLICY.retries).toBe(3);
  });
});

describe("serverWaitSeconds", () => {
  const now = 1_700_000_000_000;
  it("reads Retry-After seconds", () => {
    expect(serverWaitSeconds({ "retry-after": "7" }, now)).toBe(7);
  });
  it("reads a Retry-After HTTP date", () => {
    expect(serverWaitSeconds({ "retry-after": new Date(now + 5_000).toUTCString() }, now)).toBe(5);
  });
  it("reads x-ratelimit-reset when the limit is exhausted", () => {
    const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 42) };
    expect(serverWaitSeconds(headers, now)).toBe(42);
  });
  it("ignores x-ratelimit-reset while requests remain", () => {
    expect(
      serverWaitSeconds({ "x-ratelimit-remaining": "10", "x-ratelimit-reset": "1" }, now),
    ).toBeUndefined();
  });
});

describe("retryDelayMs", () => {
  const half = () => 0.5;

  it("retries 5xx and lost connections for idempotent calls", () => {
    expect(retryDelayMs(apiError(503), "idempotent", policy, 0, half)).toBe(50);
    for (const code of ["ECONNRESET", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNREFUSED"]) {
      expect(retryDelayMs(transport(code), "idempotent", policy, 1, half)).toBe(100);
    }
  });

  it("never retries 5xx or lost connections for minting calls", () => {
    expect(retryDelayMs(apiError(503), "mints", policy, 0, half)).toBeUndefined();
    expect(retryDelayMs(apiError(500), "mints", policy, 0, half)).toBeUndefined();
    for (const code of ["ECONNRESET", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_HEADERS_TIMEOUT"]) {
      expect(retryDelayMs(transport(code), "mints", policy, 0, half)).toBeUndefined();
    }
  });

  it("retries minting calls only when the server provably did not act", () => {
    expect(retryDelayMs(transport("ECONNREFUSED"), "mints", policy, 0, half)).toBe(50);
    expect(retryDelayMs(apiError(429), "mints", policy, 0, half)).toBe(50);
    expect(retryDelayMs(apiError(403, { "x-ratelimit-remaining": "0" }), "mints", policy, 0, half)).toBe(50);
  });

  it("honours Retry-After and gives up when it exceeds maxDelayMs", () => {
    expect(retryDelayMs(apiError(429, { "retry-after": "1" }), "idempotent", policy, 0, half)).toBe(1_000);
    expect(
      retryDelayMs(apiError(429, { "retry-after": "2" }), "idempotent", policy, 0, half),
    ).toBeUndefined();
    expect(
      retryDelayMs(apiError(503, { "retry-after": "60" }), "idempotent", policy, 0, half),
    ).toBeUndefined();
  });

  it("stops after the configured number of retries", () => {
    expect(retryDelayMs(apiError(503), "idempotent", policy, 3, half)).toBeUndefined();
    expect(retryDelayMs(apiError(503), "idempotent", { ...policy, retries: 0 }, 0, half)).toBeUndefined();
  });

  it("does not retry client errors, including the 422 'endpoint has been spammed'", () => {
    const spammed = apiError(
      422,
      {},
      JSON.stringify({ message: "Validation Failed", errors: [{ code: "custom" }] }),
    );
    expect(spammed).toBeInstanceOf(ValidationError);
    expect(retryDelayMs(spammed, "idempotent", policy, 0, half)).toBeUndefined();
    expect(retryDelayMs(apiError(404), "idempotent", policy, 0, half)).toBeUndefined();
    expect(retryDelayMs(apiError(403), "idempotent", policy, 0, half)).toBeUndefined();
    expect(retryDelayMs(new Error("bug"), "idempotent", policy, 0, half)).toBeUndefined();
  });

  it("classifies rate limits", () => {
    expect(apiError(429)).toBeInstanceOf(RateLimitError);
    expect(apiError(403, { "retry-after": "3" })).toBeInstanceOf(RateLimitError);
    expect((apiError(403, { "retry-after": "3" }) as RateLimitError).retryAfter).toBe(3);
    expect(apiError(403)).not.toBeInstanceOf(RateLimitError);
    expect(apiError(502)).toBeInstanceOf(ServerError);
    expect(apiError(404)).toBeInstanceOf(NotFoundError);
  });
});
