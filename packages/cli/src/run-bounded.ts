import pMap from "p-map";

/**
 * Runs `work` over `items` with at most `concurrency` calls in flight, in input order of starting.
 * `work` must not throw (it reports its own failures); a throw stops new work and rejects once the calls
 * in flight have settled.
 */
export async function runBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  await pMap(
    items,
    async (item) => {
      if (failure !== undefined) return;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    },
    { concurrency },
  );
  if (failure) throw failure.error;
}
