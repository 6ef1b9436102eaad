const TROUBLESHOOTING =
  "https://docs.github.com/enterprise-server@3.19/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";
const DEVICE_FLOW_ERRORS =
  "https://docs.github.com/enterprise-server@3.19/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#error-codes-for-the-device-flow";
const REFRESHING =
  "https://docs.github.com/enterprise-server@3.19/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens";

/** GitHub's OAuth error codes on the web host, with the description and documentation each comes with. */
export const OAUTH_ERRORS = {
  bad_verification_code: [
    "The code passed is incorrect or expired.",
    `${TROUBLESHOOTING}#bad-verification-code`,
  ],
  incorrect_client_credentials: [
    "The client_id and/or client_secret passed are incorrect.",
    `${TROUBLESHOOTING}#incorrect-client-credentials`,
  ],
  redirect_uri_mismatch: [
    "The redirect_uri MUST match the registered callback URL for this application.",
    `${TROUBLESHOOTING}#redirect-uri-mismatch`,
  ],
  bad_refresh_token: ["The refresh token passed is incorrect or expired.", REFRESHING],
  unsupported_grant_type: ["The grant type is not supported.", DEVICE_FLOW_ERRORS],
  authorization_pending: ["The authorization request is still pending.", DEVICE_FLOW_ERRORS],
  slow_down: ["Too many requests have been made in the same timeframe.", DEVICE_FLOW_ERRORS],
  expired_token: ["The device_code has expired.", DEVICE_FLOW_ERRORS],
  access_denied: ["The authorization request was denied.", DEVICE_FLOW_ERRORS],
  incorrect_device_code: ["The device_code provided is not valid.", DEVICE_FLOW_ERRORS],
  device_flow_disabled: ["Device Flow must be explicitly enabled for this App.", DEVICE_FLOW_ERRORS],
} as const;

export type OAuthErrorCode = keyof typeof OAUTH_ERRORS;

/**
 * An OAuth error: GitHub answers it with HTTP 200 and `{error, error_description, error_uri}`.
 * Control flow like ApiError, so no stack is captured.
 */
export class OAuthError {
  constructor(
    readonly code: OAuthErrorCode,
    /** Extra fields of the answer, e.g. slow_down's new `interval`. */
    readonly extra: Record<string, string | number> = {},
  ) {}

  get fields(): Record<string, string | number> {
    const [description, uri] = OAUTH_ERRORS[this.code];
    return { error: this.code, error_description: description, error_uri: uri, ...this.extra };
  }
}
