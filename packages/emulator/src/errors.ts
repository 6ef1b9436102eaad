// Every error type of the emulator, in one module (as undici's lib/core/errors.js).
import { hostname } from "node:os";
import { DOCUMENTATION_URLS } from "./http/documentation-urls.js";

/** One entry of a GitHub `validation-error` body. */
export interface ValidationProblem {
  resource: string;
  field?: string;
  code: string;
  message?: string;
}

/**
 * An error response with a GitHub-shaped JSON body; thrown by handlers, rendered by the server.
 * Not an Error subclass on purpose: it is control flow, and capturing a stack trace for every 404
 * would cost more than the rest of the request.
 */
export class ApiError {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function notFound(documentationUrl: string = DOCUMENTATION_URLS.root): ApiError {
  return new ApiError(404, { message: "Not Found", documentation_url: documentationUrl });
}

export function requiresAuthentication(documentationUrl: string): ApiError {
  return new ApiError(401, { message: "Requires authentication", documentation_url: documentationUrl });
}

export function validationFailed(documentationUrl: string, errors: ValidationProblem[]): ApiError {
  return new ApiError(422, { message: "Validation Failed", errors, documentation_url: documentationUrl });
}

export function problemsParsingJson(documentationUrl: string): ApiError {
  return new ApiError(400, { message: "Problems parsing JSON", documentation_url: documentationUrl });
}

export function bodyNotAnObject(documentationUrl: string): ApiError {
  return new ApiError(400, { message: "Body should be a JSON object", documentation_url: documentationUrl });
}

export function payloadTooLarge(documentationUrl: string): ApiError {
  return new ApiError(413, { message: "Payload too large", documentation_url: documentationUrl });
}

const TROUBLESHOOTING =
  "https://docs.github.com/enterprise-server@3.19/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";
const DEVICE_FLOW_ERRORS =
  "https://docs.github.com/enterprise-server@3.19/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#error-codes-for-the-device-flow";
const REFRESHING =
  "https://docs.github.com/enterprise-server@3.19/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens";

/** GitHub's OAuth error codes on the web host, with the description and documentation each comes with. */
const OAUTH_ERRORS = {
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

/** Who holds a data file, as its holder recorded it beside the file. Informative only: the lock is SQLite's. */
export interface DataFileHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** Thrown when another emulator (in this or another process) already has the data file open. */
export class DataFileInUseError extends Error {
  override readonly name = "DataFileInUseError";
  readonly code = "EMULATOR_DATA_FILE_IN_USE";

  constructor(
    readonly dataFile: string,
    readonly holder: DataFileHolder | undefined,
  ) {
    super(
      `data file ${dataFile} is in use by ${describeHolder(holder)}; stop it, or choose another data file`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describeHolder(holder: DataFileHolder | undefined): string {
  if (!holder) return "another process (it has not named itself yet)";
  const since = `since ${holder.startedAt}`;
  if (holder.hostname !== hostname()) return `process ${holder.pid} on ${holder.hostname} (${since})`;
  if (holder.pid === process.pid) return `another emulator in this process (pid ${holder.pid}, ${since})`;
  if (!isRunning(holder.pid)) {
    return `another process (the last recorded holder, pid ${holder.pid}, is no longer running)`;
  }
  return `another emulator, pid ${holder.pid} (${since})`;
}
