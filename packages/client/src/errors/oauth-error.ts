import { GhesOAuthError } from "./ghes-oauth-error.js";
import type { Redactor } from "./redactor.js";
import { describeRequest, type RequestDescription } from "./request-description.js";

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
      formatMessage(init),
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

function formatMessage(init: OAuthErrorInit): string {
  let message = `${describeRequest(init.request)} failed: ${init.code}`;
  if (init.description) message += `: ${init.description}`;
  if (init.requestId) message += ` (request id ${init.requestId})`;
  return message;
}
