import pMap from "p-map";
import { RateLimitPacer } from "./rate-limit-pacer.js";

/** How many calls a set makes at once: enough to hide latency, few enough to stay off rate limits. */
const SET_CONCURRENCY = 8;

export type Settled<I, T> = { item: I; ok: true; value: T } | { item: I; ok: false; error: unknown };

/**
 * Runs `task` for every item, a few at a time, paced under rate limits (see RateLimitPacer), and
 * reports each outcome (it never rejects).
 */
export function forEachLimited<I, T>(
  items: readonly I[],
  task: (item: I) => Promise<T>,
  pacer: RateLimitPacer = new RateLimitPacer(),
): Promise<Settled<I, T>[]> {
  return pMap(
    items,
    async (item): Promise<Settled<I, T>> => {
      try {
        return { item, ok: true, value: await pacer.run(() => task(item)) };
      } catch (error) {
        return { item, ok: false, error };
      }
    },
    { concurrency: SET_CONCURRENCY },
  );
}
