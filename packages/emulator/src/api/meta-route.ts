import type { Route } from "../http/exchange.js";

/**
 * `GET /meta`, which GitHub and GHES serve without authentication. Clients read the response's `Date`
 * header (stamped on the emulator's clock like every response) to judge expiry on the server's time.
 */
export function metaRoute(): Route {
  return {
    method: "GET",
    pattern: /^\/meta$/,
    handler: () => ({ status: 200, body: { verifiable_password_authentication: false } }),
  };
}
