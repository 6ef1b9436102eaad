import { GhesOAuthError } from "./ghes-oauth-error.js";
import type { Redactor } from "./redactor.js";
import { describeRequest, type RequestDescription } from "./request-description.js";

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
      formatMessage(init),
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

function formatMessage(init: GitHubApiErrorInit): string {
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
