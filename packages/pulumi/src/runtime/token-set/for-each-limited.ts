import pMap from "p-map";

/** How many calls a set makes at once: enough to hide latency, few enough to stay off rate limits. */
export const SET_CONCURRENCY = 8;

export type Settled<T> = { name: string; ok: true; value: T } | { name: string; ok: false; error: unknown };

/** Runs `task` for every name, a few at a time, and reports each outcome (it never rejects). */
export function forEachLimited<T>(
  names: readonly string[],
  task: (name: string) => Promise<T>,
): Promise<Settled<T>[]> {
  return pMap(
    names,
    async (name): Promise<Settled<T>> => {
      try {
        return { name, ok: true, value: await task(name) };
      } catch (error) {
        return { name, ok: false, error };
      }
    },
    { concurrency: SET_CONCURRENCY },
  );
}
