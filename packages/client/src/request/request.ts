import type { Redactor } from "../redaction/redactor.js";
import { mapResponseError } from "../request/map-response-error.js";
import { toTransportError } from "../request/to-transport-error.js";
import { retryDelayMs } from "../retry/retry-decision.js";
import { sleep } from "../retry/sleep.js";
import type { RequestContext } from "./request-context.js";
import type { ResponseHeaders } from "./response-headers.js";
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
 * Sends one API call with the context's retry policy: returns a 2xx response, or throws a
 * GitHubApiError subclass or TransportError carrying no secret.
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
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(context, route, path, redactor, body, signal);
    } catch (error) {
      const delay = retryDelayMs(error, route.safety, context.retry, attempt);
      if (delay === undefined) throw error;
      try {
        await sleep(delay, signal);
      } catch (abort) {
        throw toTransportError(route, abort, redactor, signal);
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
  signal: AbortSignal | undefined,
): Promise<ApiResponse> {
  let status: number;
  let headers: ResponseHeaders;
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
    text = await response.body.text();
  } catch (error) {
    throw toTransportError(route, error, redactor, signal);
  }
  if (status >= 200 && status < 300) return { status, headers, body: text, redactor };
  throw mapResponseError(route, { status, headers, body: text }, redactor);
}
