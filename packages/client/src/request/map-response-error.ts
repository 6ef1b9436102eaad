import { STATUS_CODES } from "node:http";
import type { RequestDescription } from "../errors.js";
import {
  AuthenticationError,
  ForbiddenError,
  GitHubApiError,
  type GitHubApiErrorInit,
  type GitHubErrorDetail,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../errors.js";
import type { Redactor } from "../redaction/redactor.js";
import { isRateLimited403, serverWaitSeconds } from "../retry/server-wait.js";
import { headerValue, type ResponseHeaders } from "./response-headers.js";

export interface ErrorResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The raw body; parsed here as GitHub's `basic-error` / `validation-error` when it is JSON. */
  readonly body: string;
}

/**
 * Maps a non-2xx response to the matching GitHubApiError subclass. `redactor` knows the call's
 * secrets; the error base applies it to everything kept, so nothing here needs to.
 */
export function mapResponseError(
  request: RequestDescription,
  response: ErrorResponse,
  redactor: Redactor,
  nowMs: number = Date.now(),
): GitHubApiError {
  const { status, headers } = response;
  const body = parseErrorBody(response.body);
  const init: GitHubApiErrorInit = {
    request,
    status,
    statusText: STATUS_CODES[status] ?? "Unknown Status",
    requestId: optionalString(headerValue(headers, "x-github-request-id")),
    apiMessage: optionalString(body.message),
    documentationUrl: optionalString(body.documentation_url),
    errors: parseDetails(body.errors),
  };
  if (status === 429 || (status === 403 && isRateLimited403(headers))) {
    return new RateLimitError({ ...init, retryAfter: serverWaitSeconds(headers, nowMs) }, redactor);
  }
  if (status >= 500)
    return new ServerError({ ...init, retryAfter: serverWaitSeconds(headers, nowMs) }, redactor);
  switch (status) {
    case 401:
      return new AuthenticationError(init, redactor);
    case 403:
      return new ForbiddenError(init, redactor);
    case 404:
      return new NotFoundError(init, redactor);
    case 422:
      return new ValidationError(init, redactor);
    default:
      return new GitHubApiError(init, redactor);
  }
}

function parseErrorBody(text: string): Record<string, unknown> {
  if (text.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function parseDetails(value: unknown): GitHubErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.map((item): GitHubErrorDetail => {
    // GitHub sometimes sends plain strings in `errors`.
    if (typeof item === "string") return { code: "custom", message: item };
    const record = item !== null && typeof item === "object" && !Array.isArray(item) ? item : {};
    return { ...record, code: typeof record.code === "string" ? record.code : "unknown" };
  });
}
