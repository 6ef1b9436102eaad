import type { Dispatcher } from "undici";
import type { RetryOptions } from "./retry/retry-policy.js";

export interface OAuthAppClientOptions {
  /** `https://HOST`, `https://HOST/api/v3` or `https://api.github.com`. */
  readonly baseUrl: string;
  /**
   * The instance's web URL, where the OAuth endpoints (`/login/oauth/access_token`,
   * `/login/device/code`) live. Default: derived from baseUrl (`https://HOST/api/v3` -> `https://HOST`,
   * `https://api.github.com` -> `https://github.com`). Same https/loopback rules as baseUrl.
   */
  readonly webUrl?: string;
  /** The OAuth/GitHub App's client ID (the Basic auth username). */
  readonly clientId: string;
  /** The app's client secret (the Basic auth password). Sent with every request. */
  readonly clientSecret: string;
  /**
   * Limit of each wait on the connection: connecting, the response headers, and each gap between two
   * body chunks. Default 30 s. A server that keeps sending a byte now and then never passes it: see
   * requestTimeoutMs for the deadline of the whole response.
   */
  readonly timeoutMs?: number;
  /** Deadline of one attempt, from sending the request to the last byte of the answer. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /**
   * Deadline of a whole call: every attempt and every wait between retries. A retry that could not
   * finish in time is not started; the last error is thrown instead. Default 90 s.
   */
  readonly totalTimeoutMs?: number;
  /**
   * The most bytes of a response body the client reads (error bodies too). GitHub's answers here are a
   * few KB; a larger body is refused with ResponseTooLargeError and never buffered. Default 1 MiB.
   */
  readonly maxResponseBytes?: number;
  /** Aborts every call of this client (in flight and future) when it fires, e.g. on shutdown. */
  readonly signal?: AbortSignal;
  /** Default `ghes-oauth-client/<version>`. */
  readonly userAgent?: string;
  /** Extra CA certificates (PEM) for a GHES behind a private CA; added to Node's default roots. */
  readonly ca?: string | readonly string[];
  /** Retry policy for transient failures; `false` disables retries. */
  readonly retry?: RetryOptions | false;
  /**
   * An undici Dispatcher to send requests through (it is not closed by `close()`). Without one the
   * client owns a keep-alive pool, routed through `HTTPS_PROXY`/`HTTP_PROXY` (minus `NO_PROXY`) when
   * those are set; `ca` and `timeoutMs`'s connect part apply only to that owned pool.
   */
  readonly dispatcher?: Dispatcher;
  /** Permit `http://` to a non-loopback host. The client secret then travels in clear text. */
  readonly allowInsecureHttp?: boolean;
  /**
   * Send permission names this release's catalogue does not know (a server newer than it) instead of
   * refusing them locally; the server judges them. Known names are still checked against their levels.
   */
  readonly allowUnknownPermissions?: boolean;
}

/** Per-call options, accepted by every method. */
export interface CallOptions {
  /** Aborts this call: the request in flight, or the wait before a retry. Rejects with TransportError `ABORT_ERR`. */
  readonly signal?: AbortSignal;
}
