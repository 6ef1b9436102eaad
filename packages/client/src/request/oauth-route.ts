import type { RequestDescription } from "../errors.js";

/** An OAuth endpoint on the web host. Every one of them mints something, so none is replayed blindly. */
export interface OAuthRoute extends RequestDescription {
  readonly method: "POST";
  readonly route: "/login/oauth/access_token" | "/login/device/code";
}

export const ACCESS_TOKEN_ROUTE: OAuthRoute = { method: "POST", route: "/login/oauth/access_token" };
export const DEVICE_CODE_ROUTE: OAuthRoute = { method: "POST", route: "/login/device/code" };
