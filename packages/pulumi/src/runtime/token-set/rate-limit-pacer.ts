import { RateLimitError } from "@ghes-oauth/client";

/** Node's longest timer (~24.8 days); longer waits are slept in pieces. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** When a rate-limited answer names no wait, pause this long (GitHub: at least a minute). */
const DEFAULT_PAUSE_SECONDS = 60;
/** The longest wait a run sits out, in all for one call too; `GHES_OAUTH_MAX_WAIT` (seconds) changes it. */
const DEFAULT_MAX_WAIT_SECONDS = 3600;

/** A rate-limit wait longer than a run sits out: the call fails with when to try again. */
export class RateLimitWaitTooLongError extends Error {
  override name = "RateLimitWaitTooLongError";

  constructor(waitSeconds: number, maxWaitSeconds: number, nowMs: number) {
    const resume = nowMs + waitSeconds * 1000;
    const when =
      Number.isFinite(resume) && resume < 8.64e15 ? ` after ${new Date(resume).toISOString()}` : "";
    super(
      `rate limited: the server asks to wait ${Math.ceil(waitSeconds)}s, longer than the ${maxWaitSeconds}s a run waits (GHES_OAUTH_MAX_WAIT); run pulumi up again${when}`,
    );
  }
}

export function maxWaitSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.GHES_OAUTH_MAX_WAIT);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_WAIT_SECONDS;
}

/**
 * Paces a set's calls under GitHub's rate limits: a rate-limited call (whose shorter waits the client
 * already sat out) holds every call of the batch for as long as the server asked (Retry-After, or
 * x-ratelimit-reset once none remain), says so on stderr (the engine shows a provider's output), and
 * tries again; a wait past the maximum, or waits adding up past it for one call, fail that call.
 */
export class RateLimitPacer {
  #resumeAt = 0;

  constructor(
    private readonly maxWait: number = maxWaitSeconds(),
    private readonly report: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `call`, waiting out rate limits within the maximum. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (;;) {
      await this.#ready();
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof RateLimitError)) throw error;
        const seconds = Number.isNaN(error.retryAfter)
          ? Number.POSITIVE_INFINITY
          : (error.retryAfter ?? DEFAULT_PAUSE_SECONDS);
        waited += seconds;
        if (seconds > this.maxWait || waited > this.maxWait) {
          throw new RateLimitWaitTooLongError(Math.max(seconds, waited), this.maxWait, this.now());
        }
        const resumeAt = this.now() + seconds * 1000;
        if (resumeAt > this.#resumeAt) {
          this.#resumeAt = resumeAt;
          this.report(`ghes-oauth: rate limited: waiting ${Math.ceil(seconds)}s as the server asked`);
        }
      }
    }
  }

  async #ready(): Promise<void> {
    for (;;) {
      const remaining = this.#resumeAt - this.now();
      if (remaining <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, MAX_TIMER_MS)));
    }
  }
}
