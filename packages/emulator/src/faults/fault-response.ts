import { STATUS_CODES } from "node:http";
import { ApiError, notFound, requiresAuthentication, validationFailed } from "../errors.js";
import { DOCUMENTATION_URLS as DOCS } from "../http/documentation-urls.js";

const RATE_LIMIT = 5000;
const RETRY_AFTER_SECONDS = 60;

function rateLimitHeaders(): Record<string, string> {
  const reset = Math.floor(Date.now() / 1000) + RETRY_AFTER_SECONDS;
  return {
    "retry-after": String(RETRY_AFTER_SECONDS),
    "x-ratelimit-limit": String(RATE_LIMIT),
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(reset),
    "x-ratelimit-used": String(RATE_LIMIT),
    "x-ratelimit-resource": "core",
  };
}

/** The response GitHub would give for an injected status: rate limits and spam throttling look like GitHub's. */
export function faultResponse(status: number, requestId: string): ApiError {
  switch (status) {
    case 401:
      return requiresAuthentication(DOCS.root);
    case 404:
      return notFound();
    case 403:
      return new ApiError(
        403,
        { message: "API rate limit exceeded for user ID 1.", documentation_url: DOCS.rateLimiting },
        rateLimitHeaders(),
      );
    case 429:
      return new ApiError(
        429,
        {
          message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          documentation_url: DOCS.secondaryRateLimits,
        },
        rateLimitHeaders(),
      );
    case 422:
      return validationFailed(DOCS.root, [
        { resource: "Application", code: "custom", message: "The endpoint has been spammed." },
      ]);
    default:
      return new ApiError(status, {
        message: status >= 500 ? "Server Error" : (STATUS_CODES[status] ?? "Error"),
        documentation_url: DOCS.root,
      });
  }
}
