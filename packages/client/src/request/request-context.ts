import type { Dispatcher } from "undici";
import type { Redactor } from "../redaction/redactor.js";
import type { RetryPolicy } from "../retry/retry-policy.js";
import type { DeadlineSettings } from "./call-budget.js";
import type { WebDispatcher } from "./web-dispatcher.js";

/** The OAuth endpoints on the web host (`/login/oauth/access_token`, `/login/device/code`). */
export interface WebEndpoint {
  /** `https://HOST`, `https://github.com`, ... */
  readonly origin: string;
  /** A path prefix without a trailing slash; usually ``. */
  readonly basePath: string;
  readonly dispatcher: WebDispatcher;
  /** Accept JSON, a form-encoded body, the user agent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly clientId: string;
  /** Sent in the form body of the grants GitHub documents it for. */
  readonly clientSecret: string;
}

/**
 * Everything a request needs, computed once per client: the standalone operations take one of
 * these, the OAuthAppClient holds one. It contains the credentials: do not log it.
 */
export interface RequestContext {
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  /** `<basePath>/applications/<client_id>`, already encoded. */
  readonly applicationPath: string;
  /** Headers of a request without a body, including the precomputed Basic authorization. */
  readonly headers: Readonly<Record<string, string>>;
  /** The same plus `content-type: application/json`. */
  readonly jsonHeaders: Readonly<Record<string, string>>;
  /** Limit of each gap: connecting, waiting for the headers, between two body chunks. */
  readonly timeoutMs: number;
  /** Deadlines of one attempt and of the whole call, and the client-wide abort signal. */
  readonly deadlines: DeadlineSettings;
  /** The most bytes of a response body the client reads; a larger body is a ResponseTooLargeError. */
  readonly maxResponseBytes: number;
  readonly retry: RetryPolicy;
  /** Let scopeToken send permission names the catalogue does not know (the server judges). */
  readonly allowUnknownPermissions?: boolean;
  /** Knows the client secret and the authorization header. */
  readonly redactor: Redactor;
  readonly web: WebEndpoint;
}
