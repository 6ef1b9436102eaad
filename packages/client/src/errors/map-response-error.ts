import { STATUS_CODES } from "node:http";
import { headerValue, type ResponseHeaders } from "../request/response-headers.js";
import { isRateLimited403, serverWaitSeconds } from "../retry/server-wait.js";
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
} from "./github-api-error.js";
import type { Redactor } from "./redactor.js";
import type { RequestDescription } from "./request-description.js";

export interface ErrorResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The raw body; parsed here as GitHub's `basic-error` / `validation-error` when it is JSON. */
  readonly body: string;
}

/** Maps a non-2xx response to the matching GitHubApiError subclass, redacting every string it keeps. */
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
    requestId: optionalString(headerValue(headers, "x-github-request-id"), redactor),
    apiMessage: optionalString(body.message, redactor),
    documentationUrl: optionalString(body.documentation_url, redactor),
    errors: parseDetails(body.errors, redactor),
  };
  if (status === 429 || (status === 403 && isRateLimited403(headers))) {
    return new RateLimitError({ ...init, retryAfter: serverWaitSeconds(headers, nowMs) });
  }
  if (status >= 500) return new ServerError({ ...init, retryAfter: serverWaitSeconds(headers, nowMs) });
  switch (status) {
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new ForbiddenError(init);
    case 404:
      return new NotFoundError(init);
    case 422:
      return new ValidationError(init);
    default:
      return new GitHubApiError(init);
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

function optionalString(value: unknown, redactor: Redactor): string | undefined {
  return typeof value === "string" ? redactor.redact(value) : undefined;
}

function parseDetails(value: unknown, redactor: Redactor): GitHubErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.map((item): GitHubErrorDetail => {
    // GitHub sometimes sends plain strings in `errors`.
    if (typeof item === "string") return { code: "custom", message: redactor.redact(item) };
    const record = (redactor.redactValue(item) ?? {}) as Record<string, unknown>;
    return { ...record, code: typeof record.code === "string" ? record.code : "unknown" };
  });
}
