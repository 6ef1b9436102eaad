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
  /** Limit for waiting for the response headers, and separately for the body. Default 30 s. */
  readonly timeoutMs?: number;
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
  readonly signal?: AbortSignal;
}
