import { sleep } from "../retry/sleep.js";

/** The abort reason when a call's own deadline passes (told apart from a caller's abort). */
export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
  constructor(
    /** `host[:port]` the request went to. */
    readonly host: string,
    readonly limitMs: number,
    /** The option that set the limit that passed. */
    readonly option: "requestTimeoutMs" | "totalTimeoutMs",
  ) {
    super(`no complete response from ${host} within ${limitMs} ms (${option})`);
  }
}

/** A caller's abort reason is anything, even a proxy whose getPrototypeOf trap throws. */
export function isDeadlineExceeded(reason: unknown): reason is DeadlineExceeded {
  try {
    return reason instanceof DeadlineExceeded;
  } catch {
    return false;
  }
}

export interface DeadlineSettings {
  /** Deadline of one attempt: headers and the whole body. */
  readonly requestTimeoutMs: number;
  /** Deadline of the whole call: every attempt and every wait between them. */
  readonly totalTimeoutMs: number;
  /** The client-wide signal, if any. */
  readonly signal: AbortSignal | undefined;
}

/**
 * The time and the abort signals one call (all its attempts) may use. Each attempt gets a signal that
 * aborts with DeadlineExceeded at the earlier of its own deadline and the call's, or with the caller's
 * reason when the caller's (or the client's) signal aborts.
 */
export class CallBudget {
  /** The caller's and the client's signals together; undefined when neither was given. */
  readonly signal: AbortSignal | undefined;
  readonly #settings: DeadlineSettings;
  readonly #origin: string;
  readonly #endsAtMs: number;

  /** `origin` is where the call goes; its host is named when a deadline passes. */
  constructor(settings: DeadlineSettings, origin: string, callerSignal: AbortSignal | undefined) {
    this.#settings = settings;
    this.#origin = origin;
    this.#endsAtMs = Date.now() + settings.totalTimeoutMs;
    this.signal = combineSignals(settings.signal, callerSignal);
  }

  /** Runs one attempt with its signal; the timer and the listener are gone when it settles. */
  async attempt<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const outer = this.signal;
    const { requestTimeoutMs } = this.#settings;
    const remainingMs = Math.max(0, this.#endsAtMs - Date.now());
    const [limitMs, option] =
      remainingMs < requestTimeoutMs
        ? [this.#settings.totalTimeoutMs, "totalTimeoutMs" as const]
        : [requestTimeoutMs, "requestTimeoutMs" as const];
    const timer = setTimeout(
      () => controller.abort(new DeadlineExceeded(new URL(this.#origin).host, limitMs, option)),
      Math.min(remainingMs, requestTimeoutMs),
    );
    const forward = () => controller.abort(outer?.reason);
    if (outer?.aborted) forward();
    else outer?.addEventListener("abort", forward, { once: true });
    try {
      return await run(controller.signal);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    }
  }

  /**
   * Waits `ms` before a retry. Returns false, without waiting, when the retry could not finish
   * before the call's deadline (the caller then throws the last error); rejects when a signal aborts.
   */
  async waitForRetry(ms: number): Promise<boolean> {
    if (Date.now() + ms >= this.#endsAtMs) return false;
    await sleep(ms, this.signal);
    return true;
  }
}

/** One signal for two optional ones: AbortSignal.any only when both are there (it costs a little). */
export function combineSignals(
  first: AbortSignal | undefined,
  second: AbortSignal | undefined,
): AbortSignal | undefined {
  if (first === undefined) return second;
  if (second === undefined) return first;
  return AbortSignal.any([first, second]);
}
