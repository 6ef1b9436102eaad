import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_TIMER_MS, sleep } from "../src/retry/sleep.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("sleep: any length, never a busy loop past Node's timer limit", () => {
  it("a wait past 2^31 - 1 ms is slept in pieces, not fired at once", async () => {
    vi.useFakeTimers();
    let done = false;
    void sleep(MAX_TIMER_MS + 10_000, undefined).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(done).toBe(true);
  });

  it("an abort ends a long wait at once; NaN and negative waits are none", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(40 * 86_400_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    const instant = Promise.all([sleep(Number.NaN, undefined), sleep(-5, undefined)]);
    await vi.advanceTimersByTimeAsync(0);
    await expect(instant).resolves.toBeDefined();
  });
});
