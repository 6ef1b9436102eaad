import { WaitTooLongError } from "./wait-too-long.js";

/** Node's longest timer (~24.8 days); a longer delay fires at once, so waits are slept in pieces. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The latest instant a Date can hold. */
const MAX_DATE_MS = 8.64e15;

/**
 * Shared by all revocation workers: when the server says to wait (a rate limit longer than the client's
 * own retry would sit out), every worker holds off until then instead of hammering on. A wait longer
 * than `maxWaitSeconds` is not sat out: `pause` throws WaitTooLongError, and every later `wait` too.
 */
export class RateLimitGate {
  #resumeAt = 0;
  #stopped: WaitTooLongError | undefined;
  readonly #sleepers = new Set<() => void>();

  constructor(
    readonly maxWaitSeconds: number = 3600,
    private readonly now: () => number = Date.now,
  ) {}

  /** Holds every worker for `seconds` from now (the later of this and any earlier pause). */
  pause(seconds: number): number {
    const waitSeconds = Number.isNaN(seconds) ? Number.POSITIVE_INFINITY : Math.max(0, seconds);
    if (waitSeconds > this.maxWaitSeconds) {
      const resumeMs = this.now() + waitSeconds * 1000;
      this.#stopped ??= new WaitTooLongError(
        waitSeconds,
        resumeMs < MAX_DATE_MS ? new Date(resumeMs) : undefined,
        this.maxWaitSeconds,
      );
      for (const wake of this.#sleepers) wake();
      throw this.#stopped;
    }
    this.#resumeAt = Math.max(this.#resumeAt, this.now() + waitSeconds * 1000);
    return this.#resumeAt;
  }

  /** Resolves when workers may go on; rejects once a wait past the maximum stopped the run. */
  async wait(): Promise<void> {
    for (;;) {
      if (this.#stopped) throw this.#stopped;
      const remaining = this.#resumeAt - this.now();
      if (remaining <= 0) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(remaining, MAX_TIMER_MS));
        this.#sleepers.add(wake);
      });
    }
  }
}
