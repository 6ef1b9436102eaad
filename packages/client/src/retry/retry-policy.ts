export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  readonly retries?: number;
  /** Base of the exponential backoff. Default 200 ms. */
  readonly minDelayMs?: number;
  /** Cap of any wait, including one the server asks for: a longer server wait is not retried. Default 15 s. */
  readonly maxDelayMs?: number;
}

export interface RetryPolicy {
  readonly retries: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, minDelayMs: 200, maxDelayMs: 15_000 };

export const NO_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, retries: 0 };

/** Full-jitter exponential backoff: uniform in [0, min(max, min * 2^attempt)]. `attempt` starts at 0. */
export function backoffDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
