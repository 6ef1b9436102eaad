import { RateLimitError } from "@ghes-oauth/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RateLimitPacer, RateLimitWaitTooLongError } from "../src/runtime/token-set/rate-limit-pacer.js";

const limited = (retryAfter: number | undefined) =>
  new RateLimitError({
    request: { method: "DELETE", route: "/applications/{client_id}/token" },
    status: 429,
    statusText: "Too Many Requests",
    apiMessage: "You have exceeded a secondary rate limit.",
    requestId: undefined,
    documentationUrl: undefined,
    errors: [],
    retryAfter,
  });

afterEach(() => {
  vi.useRealTimers();
});

describe("RateLimitPacer", () => {
  it("waits out a rate limit as long as the server asked, once for every waiting call, and reports it", async () => {
    vi.useFakeTimers();
    const reports: string[] = [];
    const pacer = new RateLimitPacer(3600, (message) => reports.push(message));
    let calls = 0;
    const result = pacer.run(async () => {
      calls++;
      if (calls === 1) throw limited(30);
      return "done";
    });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(result).resolves.toBe("done");
    expect(calls).toBe(2);
    expect(reports).toEqual(["ghes-oauth: rate limited: waiting 30s as the server asked"]);
  });

  it("a wait past the maximum (a Retry-After of weeks) fails at once with when to run again", async () => {
    const pacer = new RateLimitPacer(3600, () => {});
    const started = Date.now();
    const failure = await pacer.run(() => Promise.reject(limited(35 * 86_400))).catch((error) => error);
    expect(failure).toBeInstanceOf(RateLimitWaitTooLongError);
    expect(String(failure.message)).toMatch(/wait 3024000s, longer than the 3600s .* again after 20\d\d-/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("waits adding up past the maximum for one call fail it too; other errors pass through", async () => {
    vi.useFakeTimers();
    const pacer = new RateLimitPacer(100, () => {});
    const failing = pacer.run(() => Promise.reject(limited(40))).catch((error) => error);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(await failing).toBeInstanceOf(RateLimitWaitTooLongError);
    await expect(pacer.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
