import { ResponseTooLargeError } from "../errors.js";
import type { Redactor } from "../redaction/redactor.js";
import { mapResponseError } from "../request/map-response-error.js";
import { toTransportError } from "../request/to-transport-error.js";
import { retryDelayMs } from "../retry/retry-decision.js";
import { CallBudget } from "./call-budget.js";
import { isBodyTooLarge, readCappedBody } from "./read-capped-body.js";
import type { RequestContext } from "./request-context.js";
import { headerValue, type ResponseHeaders } from "./response-headers.js";
import type { Route } from "./route.js";

export interface ApiResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The raw body; empty for 204. */
  readonly body: string;
  /** Knows the secrets of the call that got this response, for errors about it. */
  readonly redactor: Redactor;
}

/**
 * Sends one API call with the context's retry policy and deadlines: returns a 2xx response, or throws
 * a GitHubApiError subclass, ResponseTooLargeError or TransportError carrying no secret.
 */
export async function request(
  context: RequestContext,
  route: Route,
  accessToken: string,
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<ApiResponse> {
  const path =
    context.applicationPath +
    (route.tokenInPath
      ? route.suffix.replace("{access_token}", encodeURIComponent(accessToken))
      : route.suffix);
  const redactor = context.redactor.with(accessToken);
  const budget = new CallBudget(context.deadlines, context.origin, signal);
  for (let attempt = 0; ; attempt++) {
    try {
      return await budget.attempt((attemptSignal) =>
        send(context, route, path, redactor, body, attemptSignal),
      );
    } catch (error) {
      const delay = retryDelayMs(error, route.safety, context.retry, attempt);
      if (delay === undefined) throw error;
      try {
        if (!(await budget.waitForRetry(delay))) throw error;
      } catch (abort) {
        if (abort === error) throw error;
        throw toTransportError(route, abort, redactor, budget.signal);
      }
    }
  }
}

async function send(
  context: RequestContext,
  route: Route,
  path: string,
  redactor: Redactor,
  body: string | undefined,
  signal: AbortSignal,
): Promise<ApiResponse> {
  let status = 0;
  let headers: ResponseHeaders = {};
  let text: string;
  try {
    const response = await context.dispatcher.request({
      origin: context.origin,
      path,
      method: route.method,
      headers: body === undefined ? context.headers : context.jsonHeaders,
      body,
      signal,
      headersTimeout: context.timeoutMs,
      bodyTimeout: context.timeoutMs,
      // undici closes the connection after a DELETE with a body (a server might leave the body unread);
      // GitHub reads it, so the connection is kept: bulk revocation no longer pays a TCP connect per token.
      reset: false,
    });
    status = response.statusCode;
    headers = response.headers;
    text = await readCappedBody(response, context.maxResponseBytes);
  } catch (error) {
    if (isBodyTooLarge(error)) {
      const requestId = headerValue(headers, "x-github-request-id");
      throw new ResponseTooLargeError(route, status, requestId, error.limitBytes, redactor);
    }
    throw toTransportError(route, error, redactor, signal);
  }
  if (status >= 200 && status < 300) return { status, headers, body: text, redactor };
  throw mapResponseError(route, { status, headers, body: text }, redactor);
}
