import type { CallOptions } from "./options.js";
import { CallBudget } from "./request/call-budget.js";
import type { RequestContext } from "./request/request-context.js";
import { headerValue } from "./request/response-headers.js";
import { toTransportError } from "./request/to-transport-error.js";

const route = { method: "GET", route: "/meta" } as const;
/** undici's own default for dump(): enough for any /meta, small enough to be harmless. */
const DUMP_LIMIT_BYTES = 128 * 1024;

/**
 * The server's current time, from the `Date` header of an unauthenticated `GET /meta` (GitHub and GHES
 * serve it without credentials; any status carries the header). Lets callers judge expiry times the
 * server gave on the server's clock rather than the local one. Undefined when no usable `Date` came back.
 */
export async function serverTime(context: RequestContext, options?: CallOptions): Promise<Date | undefined> {
  const { authorization: _credentials, ...headers } = context.headers;
  const basePath = context.applicationPath.slice(0, context.applicationPath.lastIndexOf("/applications/"));
  const budget = new CallBudget(context.deadlines, context.origin, options?.signal);
  const date = await budget.attempt(async (signal) => {
    try {
      const response = await context.dispatcher.request({
        origin: context.origin,
        path: `${basePath}/meta`,
        method: route.method,
        headers,
        signal,
        headersTimeout: context.timeoutMs,
        bodyTimeout: context.timeoutMs,
      });
      // Only the header is needed: dump reads at most `limit` bytes of the body, then closes the connection.
      await response.body.dump({ limit: Math.min(context.maxResponseBytes, DUMP_LIMIT_BYTES), signal });
      return headerValue(response.headers, "date");
    } catch (error) {
      throw toTransportError(route, error, context.redactor, signal);
    }
  });
  const time = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isNaN(time) ? undefined : new Date(time);
}
