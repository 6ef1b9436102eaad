/**
 * Shared by all revocation workers: when the server says to wait (a rate limit longer than the client's
 * own retry would sit out), every worker holds off until then instead of hammering on.
 */
export class RateLimitGate {
  #resumeAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Holds every worker for `seconds` from now (the later of this and any earlier pause). */
  pause(seconds: number): number {
    this.#resumeAt = Math.max(this.#resumeAt, this.now() + seconds * 1000);
    return this.#resumeAt;
  }

  async wait(): Promise<void> {
    for (;;) {
      const remaining = this.#resumeAt - this.now();
      if (remaining <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, remaining));
    }
  }
}
