import type { CallOptions } from "./options.js";
import type { RequestContext } from "./request/request-context.js";
import { headerValue } from "./request/response-headers.js";
import { toTransportError } from "./request/to-transport-error.js";

const route = { method: "GET", route: "/meta" } as const;

/**
 * The server's current time, from the `Date` header of an unauthenticated `GET /meta` (GitHub and GHES
 * serve it without credentials; any status carries the header). Lets callers judge expiry times the
 * server gave on the server's clock rather than the local one. Undefined when no usable `Date` came back.
 */
export async function serverTime(context: RequestContext, options?: CallOptions): Promise<Date | undefined> {
  const { authorization: _credentials, ...headers } = context.headers;
  const basePath = context.applicationPath.slice(0, context.applicationPath.lastIndexOf("/applications/"));
  let date: string | undefined;
  try {
    const response = await context.dispatcher.request({
      origin: context.origin,
      path: `${basePath}/meta`,
      method: route.method,
      headers,
      signal: options?.signal,
      headersTimeout: context.timeoutMs,
      bodyTimeout: context.timeoutMs,
    });
    date = headerValue(response.headers, "date");
    await response.body.dump();
  } catch (error) {
    throw toTransportError(route, error, context.redactor, options?.signal);
  }
  const time = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isNaN(time) ? undefined : new Date(time);
}
