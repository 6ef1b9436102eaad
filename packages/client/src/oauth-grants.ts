import type { z } from "zod";
import { ACCESS_TOKEN_ROUTE, DEVICE_CODE_ROUTE, type OAuthRoute } from "./request/oauth-route.js";
import { type DeviceCode, deviceCodeResponseSchema, toDeviceCode } from "./schemas/device-code.js";
import {
  type DeviceCodeInput,
  deviceCodeArgumentSchema,
  deviceCodeInputSchema,
  refreshTokenArgumentSchema,
  type WebFlowCodeInput,
  webFlowCodeInputSchema,
} from "./schemas/grant-inputs.js";
import {
  toUserTokenGrant,
  type UserTokenGrant,
  userTokenGrantResponseSchema,
} from "./schemas/user-token-grant.js";
import { validateInput } from "./validate-input.js";

const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

/** A validated grant argument: the form parameters and the secrets among them. */
export interface GrantRequest {
  /** The grant's own parameters; `client_id` (and `client_secret`) are added. */
  readonly parameters: Readonly<Record<string, string | undefined>>;
  /** Redacted from every error: the refresh token, code or device code. */
  readonly secrets: readonly string[];
}

/**
 * One OAuth grant on the web host. Every grant mints, so none is replayed unless provably unsent.
 * `Args` is a labelled one-element tuple: its label is the parameter name editors show.
 */
export interface OAuthGrant<Args extends readonly [unknown?], Answer, Result> {
  readonly route: OAuthRoute;
  /** Whether GitHub documents `client_secret` for this grant (not for the device flow). */
  readonly sendsClientSecret: boolean;
  /** Checks the argument before any request. */
  readonly request: (...args: Args) => GrantRequest;
  readonly response: z.ZodType<Answer>;
  /** The result from the parsed answer and the moment its headers arrived. */
  readonly result: (answer: Answer, receivedAtMs: number) => Result;
}

function grant<Args extends readonly [unknown?], Answer, Result>(
  spec: OAuthGrant<Args, Answer, Result>,
): OAuthGrant<Args, Answer, Result> {
  return spec;
}

/**
 * The OAuth grants, one entry each. OAuthAppClient's methods and the standalone functions are made
 * from it; the doc comments here are the methods' documentation.
 */
export const OAUTH_GRANTS = {
  /**
   * Refreshes a user token (`POST {web}/login/oauth/access_token` with `grant_type=refresh_token`): a
   * new access token and refresh token; the used refresh token and the old access token stop working
   * at once. A used or expired refresh token: OAuthError `bad_refresh_token`.
   */
  refreshToken: grant({
    route: ACCESS_TOKEN_ROUTE,
    sendsClientSecret: true,
    request: (refreshToken: string) => {
      const token = validateInput(refreshTokenArgumentSchema, refreshToken, "refreshToken");
      return { parameters: { grant_type: "refresh_token", refresh_token: token }, secrets: [token] };
    },
    response: userTokenGrantResponseSchema,
    result: toUserTokenGrant,
  }),
  /**
   * Exchanges a web application flow `code` (single use) for a user token:
   * `POST {web}/login/oauth/access_token` with `code` (and `redirect_uri`, and the PKCE
   * `code_verifier` when the authorization sent a challenge). A used, expired or unknown code, or a
   * verifier that does not match, is an OAuthError `bad_verification_code`.
   */
  exchangeWebFlowCode: grant({
    route: ACCESS_TOKEN_ROUTE,
    sendsClientSecret: true,
    request: (input: WebFlowCodeInput) => {
      const valid = validateInput(webFlowCodeInputSchema, input);
      return {
        parameters: { code: valid.code, redirect_uri: valid.redirectUri, code_verifier: valid.codeVerifier },
        secrets: valid.codeVerifier === undefined ? [valid.code] : [valid.code, valid.codeVerifier],
      };
    },
    response: userTokenGrantResponseSchema,
    result: toUserTokenGrant,
  }),
  /**
   * Starts the device flow (`POST {web}/login/device/code`): show `user_code` and `verification_uri`,
   * then wait with `device_code`. Sends the client ID only, as GitHub documents.
   */
  createDeviceCode: grant({
    route: DEVICE_CODE_ROUTE,
    sendsClientSecret: false,
    request: (input?: DeviceCodeInput) => {
      const valid = validateInput(deviceCodeInputSchema, input);
      return { parameters: { scope: valid?.scopes?.join(" ") }, secrets: [] };
    },
    response: deviceCodeResponseSchema,
    result: (answer, receivedAtMs): DeviceCode => toDeviceCode(answer, receivedAtMs),
  }),
  /**
   * One poll of the device flow (`POST {web}/login/oauth/access_token` with the device-code grant
   * type): OAuthError `authorization_pending` (or `slow_down`) until the user acts; use
   * waitForDeviceAuthorization to poll. Sends the client ID without the secret, as GitHub documents.
   */
  exchangeDeviceCode: grant({
    route: ACCESS_TOKEN_ROUTE,
    sendsClientSecret: false,
    request: (deviceCode: string) => {
      const code = validateInput(deviceCodeArgumentSchema, deviceCode, "deviceCode");
      return { parameters: { device_code: code, grant_type: DEVICE_CODE_GRANT_TYPE }, secrets: [code] };
    },
    response: userTokenGrantResponseSchema,
    result: (answer, receivedAtMs): UserTokenGrant => toUserTokenGrant(answer, receivedAtMs),
  }),
};
