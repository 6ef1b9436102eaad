/**
 * The longest delay Node's timers take (2^31 - 1 ms, ~24.8 days): a longer one fires at once, with a
 * TimeoutOverflowWarning, so a server asking for a longer wait would turn a pause into a busy loop.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

// Not node:timers/promises: vitest's fake timers patch the global setTimeout only, and tests drive these waits.
/**
 * Resolves after `ms` (any length: waits past the timer limit are slept in pieces; NaN or a negative
 * value is no wait), or rejects with the signal's reason as soon as it aborts.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const total = Number.isNaN(ms) ? 0 : Math.max(0, ms);
  const piece = Math.min(total, MAX_TIMER_MS);
  const slept = new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, piece);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  return total > piece ? slept.then(() => sleep(total - piece, signal)) : slept;
}
