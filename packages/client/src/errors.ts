// Every error class this package throws, in one module (as undici's lib/core/errors.js).
import { Redactor } from "./redaction/redactor.js";
import { sanitizeCause } from "./redaction/sanitize-cause.js";

export interface GhesOAuthErrorOptions {
  /** Knows the secrets the error must not reveal: the client secret, the Basic credentials, the call's token. */
  readonly redactor?: Redactor;
  /** What went wrong underneath. Kept as a sanitized copy (see sanitizeCause), never the original. */
  readonly cause?: unknown;
}

/**
 * The base of every error this package throws. Redaction is done here, once, at construction:
 * the message (and so the stack), every property (deeply, object keys included) and the whole
 * `cause` chain go through the redactor, so no construction site can forget a string.
 *
 * A subclass passes its data as `properties` and `declare`s the fields (a plain field declaration
 * would be re-initialized to `undefined` after `super()`); it assigns nothing itself:
 *
 *     class OAuthError extends GhesOAuthError {
 *       override name = "OAuthError";
 *       declare readonly error: string;
 *       constructor(error: string, redactor: Redactor) {
 *         super(`OAuth error ${error}`, { error }, { redactor });
 *       }
 *     }
 */
export class GhesOAuthError extends Error {
  constructor(message: string, properties: object = {}, options: GhesOAuthErrorOptions = {}) {
    const redactor = options.redactor ?? Redactor.NONE;
    super(
      redactor.redact(message),
      options.cause === undefined ? undefined : { cause: sanitizeCause(options.cause, redactor) },
    );
    Object.assign(this, redactor.redactValue(properties));
    // The stack is left alone: V8 builds it on first read from the name and the (redacted) message,
    // and reading it here would freeze it before a subclass sets its name.
  }
}

/**
 * What an error may say about the request that failed: the method and the route TEMPLATE. The
 * concrete path is never used, because the deprecated endpoints carry the access token in it.
 */
export interface RequestDescription {
  readonly method: string;
  readonly route: string;
}

function describeRequest(request: RequestDescription): string {
  return `${request.method} ${request.route}`;
}

/** One entry of a `validation-error` body's `errors` array. */
export interface GitHubErrorDetail {
  readonly code: string;
  readonly resource?: string;
  readonly field?: string;
  readonly message?: string;
  readonly [key: string]: unknown;
}

export interface GitHubApiErrorInit {
  readonly request: RequestDescription;
  readonly status: number;
  readonly statusText: string;
  readonly requestId: string | undefined;
  readonly apiMessage: string | undefined;
  readonly documentationUrl: string | undefined;
  readonly errors: readonly GitHubErrorDetail[];
}

/** The API answered with a non-2xx status. Every string in it has been redacted (see GhesOAuthError). */
export class GitHubApiError extends GhesOAuthError {
  override name = "GitHubApiError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly route: string;
  /** The `x-github-request-id` response header: quote it to GitHub support. */
  declare readonly requestId: string | undefined;
  /** The `message` of the response body, e.g. "Validation Failed". */
  declare readonly apiMessage: string | undefined;
  declare readonly documentationUrl: string | undefined;
  declare readonly errors: readonly GitHubErrorDetail[];

  /** `redactor` knows the secrets of the call: every string of `init` is redacted with it. */
  constructor(init: GitHubApiErrorInit, redactor?: Redactor, extra: object = {}) {
    super(
      formatApiErrorMessage(init),
      {
        status: init.status,
        method: init.request.method,
        route: init.request.route,
        requestId: init.requestId,
        apiMessage: init.apiMessage,
        documentationUrl: init.documentationUrl,
        errors: init.errors,
        ...extra,
      },
      { redactor },
    );
  }
}

function formatApiErrorMessage(init: GitHubApiErrorInit): string {
  let message = `${describeRequest(init.request)} failed: ${init.status} ${init.statusText}`;
  if (init.apiMessage && init.apiMessage !== init.statusText) message += `: ${init.apiMessage}`;
  const details = init.errors.map(formatDetail).filter((detail) => detail.length > 0);
  if (details.length > 0) message += ` (${details.join("; ")})`;
  if (init.requestId) message += ` (request id ${init.requestId})`;
  return message;
}

function formatDetail(detail: GitHubErrorDetail): string {
  const subject = [detail.resource, detail.field].filter(Boolean).join(".");
  const text = detail.message ?? detail.code;
  return subject ? `${subject}: ${text}` : text;
}

/** 401: the request carried no (or malformed) app credentials. */
export class AuthenticationError extends GitHubApiError {
  override name = "AuthenticationError";
}

/** 403 that is not a rate limit. */
export class ForbiddenError extends GitHubApiError {
  override name = "ForbiddenError";
}

/** 404: unknown, revoked or expired token, a wrong client secret, or a client_id that is not this app. */
export class NotFoundError extends GitHubApiError {
  override name = "NotFoundError";
}

/** 422: the API rejected the input, or the endpoint has been spammed (abuse throttling). */
export class ValidationError extends GitHubApiError {
  override name = "ValidationError";
}

/** 5xx. `retryAfter` (seconds) is set when the server sent `Retry-After`. */
export class ServerError extends GitHubApiError {
  override name = "ServerError";
  declare readonly retryAfter: number | undefined;

  constructor(init: GitHubApiErrorInit & { readonly retryAfter: number | undefined }, redactor?: Redactor) {
    super(init, redactor, { retryAfter: init.retryAfter });
  }
}

/** 429, or a 403 that is a primary (`x-ratelimit-remaining: 0`) or secondary (`Retry-After`) rate limit. */
export class RateLimitError extends GitHubApiError {
  override name = "RateLimitError";
  /** Seconds to wait before trying again, when the server said. */
  declare readonly retryAfter: number | undefined;

  constructor(init: GitHubApiErrorInit & { readonly retryAfter: number | undefined }, redactor?: Redactor) {
    super(init, redactor, { retryAfter: init.retryAfter });
  }
}

export interface InputIssue {
  /** The option or argument at fault, e.g. `permissions.issues` or `baseUrl`. */
  readonly path: string;
  /** What is wrong and how to fix it; never the value itself. */
  readonly message: string;
}

/** Thrown before any HTTP request when an argument or option is invalid. */
export class InvalidInputError extends GhesOAuthError {
  override name = "InvalidInputError";
  declare readonly issues: readonly InputIssue[];

  constructor(issues: InputIssue[], redactor?: Redactor) {
    super(
      `Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`,
      { issues },
      { redactor },
    );
  }
}

/** The error codes GitHub's OAuth endpoints document. Other strings may come and are kept as sent. */
export const OAUTH_ERROR_CODES = [
  "bad_refresh_token",
  "incorrect_client_credentials",
  "bad_verification_code",
  "authorization_pending",
  "slow_down",
  "expired_token",
  "access_denied",
  "unsupported_grant_type",
  "device_flow_disabled",
  "incorrect_device_code",
  "redirect_uri_mismatch",
] as const;

export type KnownOAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];
/** A documented code, or whatever other string the server sent. */
export type OAuthErrorCode = KnownOAuthErrorCode | (string & {});

export interface OAuthErrorInit {
  readonly request: RequestDescription;
  readonly code: string;
  readonly description: string | undefined;
  readonly errorUri: string | undefined;
  readonly status: number;
  readonly requestId: string | undefined;
  /** The new polling interval (seconds) a `slow_down` answer carries. */
  readonly interval?: number | undefined;
}

/**
 * An OAuth endpoint refused a grant: GitHub answers these with HTTP 200 and
 * `{error, error_description, error_uri}`. `code` is GitHub's `error`. Every string in it is
 * redacted of the call's tokens, codes and secret (see GhesOAuthError).
 */
export class OAuthError extends GhesOAuthError {
  override name = "OAuthError";
  declare readonly code: OAuthErrorCode;
  /** GitHub's `error_description`. */
  declare readonly description: string | undefined;
  /** GitHub's `error_uri`: the documentation of this error. */
  declare readonly errorUri: string | undefined;
  declare readonly method: string;
  declare readonly route: string;
  /** The HTTP status of the answer (200 for GitHub's OAuth errors); 0 when the client decided itself. */
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  /** For `slow_down`: the interval (seconds) the server asks for from now on, when it said. */
  declare readonly interval: number | undefined;

  /** `redactor` knows the secrets of the call: every string of `init` is redacted with it. */
  constructor(init: OAuthErrorInit, redactor?: Redactor) {
    super(
      formatOAuthErrorMessage(init),
      {
        code: init.code,
        description: init.description,
        errorUri: init.errorUri,
        method: init.request.method,
        route: init.request.route,
        status: init.status,
        requestId: init.requestId,
        interval: init.interval,
      },
      { redactor },
    );
  }
}

function formatOAuthErrorMessage(init: OAuthErrorInit): string {
  let message = `${describeRequest(init.request)} failed: ${init.code}`;
  if (init.description) message += `: ${init.description}`;
  if (init.requestId) message += ` (request id ${init.requestId})`;
  return message;
}

export interface ShapeIssue {
  /** Dotted path into the response body, e.g. `installation.account.login`; `(body)` for the whole. */
  readonly path: string;
  readonly message: string;
}

/**
 * A 2xx response whose body does not have the documented shape. Names paths, never values; the
 * paths (record keys the server chose) and the request id are redacted like every other string.
 */
export class ResponseShapeError extends GhesOAuthError {
  override name = "ResponseShapeError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly route: string;
  declare readonly requestId: string | undefined;
  declare readonly issues: readonly ShapeIssue[];

  constructor(
    request: RequestDescription,
    status: number,
    requestId: string | undefined,
    issues: ShapeIssue[],
    redactor?: Redactor,
    extra: object = {},
  ) {
    const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    const suffix = requestId ? ` (request id ${requestId})` : "";
    super(
      `${describeRequest(request)} returned ${status} with an unexpected body: ${list}${suffix}`,
      { status, method: request.method, route: request.route, requestId, issues, ...extra },
      { redactor },
    );
  }
}

/**
 * A response body (any status, error bodies too) larger than the client's `maxResponseBytes`. The
 * client stopped reading at the limit, or before reading when `content-length` announced more, and
 * closed the connection: nothing past the limit was buffered.
 */
export class ResponseTooLargeError extends ResponseShapeError {
  override name = "ResponseTooLargeError";
  /** The limit that was passed (the client's `maxResponseBytes`). */
  declare readonly limitBytes: number;

  constructor(
    request: RequestDescription,
    status: number,
    requestId: string | undefined,
    limitBytes: number,
    redactor?: Redactor,
  ) {
    const issue = {
      path: "(body)",
      message:
        `is larger than the client's limit of ${limitBytes} bytes; the client stopped reading it ` +
        "(raise maxResponseBytes if the server's answers really are that large)",
    };
    super(request, status, requestId, [issue], redactor, { limitBytes });
  }
}

/**
 * The client's configuration (its options or the environment it reads, such as `HTTPS_PROXY`) is
 * unusable. Thrown by the constructor, before any request. `variable` names the environment
 * variable at fault, when one is; the message never holds credentials from it.
 */
export class ConfigurationError extends GhesOAuthError {
  override name = "ConfigurationError";
  declare readonly variable: string | undefined;

  constructor(message: string, variable: string | undefined) {
    super(message, { variable });
  }
}

/**
 * The request did not get a complete HTTP response: connection refused or reset, DNS, TLS, a
 * timeout, or an abort. `code` keeps the underlying error's code (e.g. `ECONNREFUSED`,
 * `UND_ERR_HEADERS_TIMEOUT`, `ABORT_ERR`); `cause` is a sanitized copy, never the original error.
 */
export class TransportError extends GhesOAuthError {
  override name = "TransportError";
  declare readonly code: string;
  declare readonly method: string;
  declare readonly route: string;
  /** `host[:port]` the request went to, when the error is about that host (e.g. `REQUEST_TIMEOUT`). */
  declare readonly host: string | undefined;

  constructor(
    request: RequestDescription,
    code: string,
    detail: string,
    cause: unknown,
    redactor?: Redactor,
    host?: string,
  ) {
    super(
      `${describeRequest(request)} failed: ${detail}`,
      { code, method: request.method, route: request.route, host },
      { redactor, cause },
    );
  }
}

/** Where the app's credentials were tried, for the credential-proof errors. */
export interface CredentialTarget {
  /** The API root, e.g. `https://github.example.com/api/v3`. */
  readonly baseUrl: string;
  /** The web host the proof was sent to, e.g. `https://github.example.com`. */
  readonly webUrl: string;
  readonly clientId: string;
}

/**
 * The web host refused the app's client ID and secret (`incorrect_client_credentials`): the secret is
 * wrong or was rotated, or the client ID is not this instance's app. Until fixed, a 404 from the token
 * API proves nothing (GitHub answers 404 to a wrong secret as to a revoked token).
 */
export class InvalidCredentialsError extends GhesOAuthError {
  override name = "InvalidCredentialsError";
  declare readonly baseUrl: string;
  declare readonly webUrl: string;
  declare readonly clientId: string;

  constructor(target: CredentialTarget, cause: unknown, redactor?: Redactor) {
    super(
      `the client ID ${target.clientId} and its client secret were refused by ${target.webUrl} ` +
        `(incorrect_client_credentials) for ${target.baseUrl}: the client secret is wrong or was rotated, ` +
        "or the client ID belongs to no app of this instance. Use the app's current client ID and secret " +
        "(the app's settings page shows the client ID and can generate a new secret)",
      { ...target },
      { redactor, cause },
    );
  }
}

/**
 * The credentials could be neither proven nor disproven: the web host could not be reached, failed
 * (5xx, rate limit, timeout) or gave an answer that is not GitHub's. `cause` says which.
 */
export class CredentialsUnverifiedError extends GhesOAuthError {
  override name = "CredentialsUnverifiedError";
  declare readonly baseUrl: string;
  declare readonly webUrl: string;
  declare readonly clientId: string;

  constructor(target: CredentialTarget, detail: string, cause: unknown, redactor?: Redactor) {
    super(
      `could not verify the client credentials of ${target.clientId} for ${target.baseUrl}: POST ` +
        `${target.webUrl}/login/oauth/access_token ${detail}. Without that proof a 404 from the token API ` +
        "cannot tell a revoked token from a wrong client secret; check that the web host is reachable " +
        "(set webUrl when it is not derived right from baseUrl) and retry",
      { ...target },
      { redactor, cause },
    );
  }
}
