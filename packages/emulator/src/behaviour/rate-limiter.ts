import type { IncomingMessage } from "node:http";
import type { Clock } from "../clock.js";
import { ApiError } from "../errors.js";
import { basicCredentials } from "../http/basic-auth.js";
import { DOCUMENTATION_URLS as DOCS } from "../http/documentation-urls.js";
import type { Behaviour } from "./behaviour.js";

/** One fixed window of a counter: when it started and how many requests it has counted. */
interface Window {
  startedAt: number;
  count: number;
}

/** What the limiter decided for one request: headers for the answer, and an error when it is refused. */
export interface Admission {
  headers: Record<string, string>;
  refusal?: ApiError;
}

const MUTATING = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/** Who a limit counts against: the app of the Basic credentials, or the caller's address. */
function subjectOf(req: IncomingMessage): { key: string; label: string } {
  const username = basicCredentials(req)?.username;
  if (username) return { key: `app:${username}`, label: `client ID ${username}` };
  const address = req.socket.remoteAddress ?? "unknown";
  return { key: `ip:${address}`, label: address };
}

function currentWindow(windows: Map<string, Window>, key: string, now: number, lengthMs: number): Window {
  let window = windows.get(key);
  if (!window || now >= window.startedAt + lengthMs) {
    window = { startedAt: now, count: 0 };
    windows.set(key, window);
  }
  return window;
}

/**
 * GitHub's documented REST rate limits, off until switched on (`rateLimit` of the behaviour):
 * - primary: `x-ratelimit-limit/remaining/used/reset/resource` on every API answer; once none remain,
 *   403 (or 429) `API rate limit exceeded ...` with `x-ratelimit-remaining: 0` until the window resets;
 * - secondary: more than `limit` mutating requests within its window is a 403 (or 429) with `retry-after`
 *   and GitHub's secondary-rate-limit message.
 * Windows are fixed, start at a subject's first request, and run on the emulator's clock.
 */
export class RateLimiter {
  readonly #primary = new Map<string, Window>();
  readonly #secondary = new Map<string, Window>();

  constructor(
    private readonly behaviour: Behaviour,
    private readonly clock: Clock,
  ) {
    behaviour.onRateLimitChange(() => {
      this.#primary.clear();
      this.#secondary.clear();
    });
  }

  admit(req: IncomingMessage, requestId: string): Admission {
    const { primary, secondary } = this.behaviour.settings.rateLimit;
    if (!primary && !secondary) return { headers: {} };
    const now = this.clock.now();
    const subject = subjectOf(req);
    const headers: Record<string, string> = {};
    let refusal: ApiError | undefined;

    if (primary) {
      const window = currentWindow(this.#primary, subject.key, now, primary.windowSeconds * 1000);
      const exhausted = window.count >= primary.limit;
      if (!exhausted) window.count++;
      const reset = Math.ceil((window.startedAt + primary.windowSeconds * 1000) / 1000);
      Object.assign(headers, {
        "x-ratelimit-limit": String(primary.limit),
        "x-ratelimit-remaining": String(primary.limit - window.count),
        "x-ratelimit-used": String(window.count),
        "x-ratelimit-reset": String(reset),
        "x-ratelimit-resource": "core",
      });
      if (exhausted) {
        refusal = new ApiError(
          primary.status,
          { message: `API rate limit exceeded for ${subject.label}.`, documentation_url: DOCS.rateLimiting },
          headers,
        );
      }
    }

    if (!refusal && secondary && MUTATING.has(req.method ?? "GET")) {
      const lengthMs = secondary.windowSeconds * 1000;
      const window = currentWindow(this.#secondary, subject.key, now, lengthMs);
      if (window.count >= secondary.limit) {
        const retryAfter = Math.max(1, Math.ceil((window.startedAt + lengthMs - now) / 1000));
        refusal = new ApiError(
          secondary.status,
          {
            message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
            documentation_url: DOCS.secondaryRateLimits,
          },
          { ...headers, "retry-after": String(retryAfter) },
        );
      } else {
        window.count++;
      }
    }
    return refusal ? { headers: refusal.headers, refusal } : { headers };
  }
}
