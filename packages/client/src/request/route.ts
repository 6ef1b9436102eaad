import type { ReplaySafety } from "../retry/retry-decision.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** One endpoint: the only description of a request that errors may carry. */
export interface Route {
  readonly method: HttpMethod;
  /** The path template under the API root, e.g. `/applications/{client_id}/tokens/{access_token}`. */
  readonly route: string;
  readonly safety: ReplaySafety;
  /** Whether the access token travels in the path (the deprecated endpoints) instead of the body. */
  readonly tokenInPath: boolean;
  /** The part of `route` after `/applications/{client_id}`, precomputed for the hot path. */
  readonly suffix: string;
}

const APPLICATION_PREFIX = "/applications/{client_id}";

export function defineRoute(method: HttpMethod, route: string, safety: ReplaySafety): Route {
  if (!route.startsWith(APPLICATION_PREFIX))
    throw new Error(`route ${route} is not under ${APPLICATION_PREFIX}`);
  const suffix = route.slice(APPLICATION_PREFIX.length);
  return { method, route, safety, tokenInPath: route.includes("{access_token}"), suffix };
}
