import type { Dispatcher } from "undici";
import { checkAuthorization } from "./operations/check-authorization.js";
import { checkToken } from "./operations/check-token.js";
import { createDeviceCode } from "./operations/create-device-code.js";
import { deleteAuthorization } from "./operations/delete-authorization.js";
import { deleteToken } from "./operations/delete-token.js";
import { exchangeDeviceCode } from "./operations/exchange-device-code.js";
import { exchangeWebFlowCode } from "./operations/exchange-web-flow-code.js";
import { refreshToken as refreshUserToken } from "./operations/refresh-token.js";
import { resetAuthorization } from "./operations/reset-authorization.js";
import { resetToken } from "./operations/reset-token.js";
import { revokeAuthorization } from "./operations/revoke-authorization.js";
import { revokeGrant } from "./operations/revoke-grant.js";
import { scopeToken } from "./operations/scope-token.js";
import { serverTime } from "./operations/server-time.js";
import { waitForDeviceAuthorization } from "./operations/wait-for-device-authorization.js";
import type { CallOptions, OAuthAppClientOptions } from "./options.js";
import { createRequestContext } from "./request/create-request-context.js";
import type { RequestContext } from "./request/request-context.js";
import type { Authorization } from "./schemas/authorization.js";
import type { DeviceCode } from "./schemas/device-code.js";
import type { DeviceCodeInput, DeviceWaitOptions, WebFlowCodeInput } from "./schemas/grant-inputs.js";
import type { ScopeTokenInput } from "./schemas/scope-token-input.js";
import type { ScopedAuthorization } from "./schemas/scoped-authorization.js";
import type { UserTokenGrant } from "./schemas/user-token-grant.js";

/**
 * A client for an OAuth/GitHub App's token endpoints on GitHub Enterprise Server (or github.com).
 * Authenticates every call with the app's client ID and secret; reuses connections until close().
 */
export class OAuthAppClient {
  // Private fields keep the credentials out of console.log / util.inspect of the client.
  readonly #context: RequestContext;
  readonly #ownsDispatcher: boolean;

  /** @throws InvalidInputError when an option is missing or invalid (e.g. plain http:// to a remote host). */
  constructor(options: OAuthAppClientOptions) {
    const { context, ownsDispatcher } = createRequestContext(options);
    this.#context = context;
    this.#ownsDispatcher = ownsDispatcher;
  }

  /** Checks a token; an unknown, revoked or expired token rejects with NotFoundError. */
  checkToken(accessToken: string, options?: CallOptions): Promise<Authorization> {
    return checkToken(this.#context, accessToken, options);
  }

  /** Resets a token: resolves with the NEW token; the old one stops working at once. */
  resetToken(accessToken: string, options?: CallOptions): Promise<Authorization> {
    return resetToken(this.#context, accessToken, options);
  }

  /** Deletes (revokes) one token. */
  deleteToken(accessToken: string, options?: CallOptions): Promise<void> {
    return deleteToken(this.#context, accessToken, options);
  }

  /** Deletes the app's grant for the token's user: every token of that user for this app is revoked. */
  deleteAuthorization(accessToken: string, options?: CallOptions): Promise<void> {
    return deleteAuthorization(this.#context, accessToken, options);
  }

  /** Creates a new scoped token from a non-scoped user token; the original stays valid. */
  scopeToken(input: ScopeTokenInput, options?: CallOptions): Promise<ScopedAuthorization> {
    return scopeToken(this.#context, input, options);
  }

  /**
   * Refreshes a user token: a new access token and refresh token; the used refresh token and the
   * old access token stop working at once. A used or expired refresh token: OAuthError `bad_refresh_token`.
   */
  refreshToken(refreshToken: string, options?: CallOptions): Promise<UserTokenGrant> {
    return refreshUserToken(this.#context, refreshToken, options);
  }

  /** Exchanges a web application flow `code` (single use) for a user token. */
  exchangeWebFlowCode(input: WebFlowCodeInput, options?: CallOptions): Promise<UserTokenGrant> {
    return exchangeWebFlowCode(this.#context, input, options);
  }

  /** Starts the device flow: show `user_code` and `verification_uri`, then wait with `device_code`. */
  createDeviceCode(input?: DeviceCodeInput, options?: CallOptions): Promise<DeviceCode> {
    return createDeviceCode(this.#context, input, options);
  }

  /** One poll of the device flow; OAuthError `authorization_pending` until the user acts. */
  exchangeDeviceCode(deviceCode: string, options?: CallOptions): Promise<UserTokenGrant> {
    return exchangeDeviceCode(this.#context, deviceCode, options);
  }

  /**
   * Polls the device flow every `interval` seconds (honouring `slow_down`) until the user approves;
   * OAuthError `access_denied` if they deny, `expired_token` once `expiresIn` seconds have passed.
   */
  waitForDeviceAuthorization(deviceCode: string, options: DeviceWaitOptions): Promise<UserTokenGrant> {
    return waitForDeviceAuthorization(this.#context, deviceCode, options);
  }

  /**
   * Checks a token via `GET /applications/{client_id}/tokens/{access_token}`.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `checkToken`.
   */
  checkAuthorization(accessToken: string, options?: CallOptions): Promise<Authorization> {
    return checkAuthorization(this.#context, accessToken, options);
  }

  /**
   * Resets a token via `POST /applications/{client_id}/tokens/{access_token}`.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `resetToken`.
   */
  resetAuthorization(accessToken: string, options?: CallOptions): Promise<Authorization> {
    return resetAuthorization(this.#context, accessToken, options);
  }

  /**
   * Revokes one token via `DELETE /applications/{client_id}/tokens/{access_token}`.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `deleteToken`.
   */
  revokeAuthorization(accessToken: string, options?: CallOptions): Promise<void> {
    return revokeAuthorization(this.#context, accessToken, options);
  }

  /**
   * Revokes the user's grant via `DELETE /applications/{client_id}/grants/{access_token}`.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `deleteAuthorization`.
   */
  revokeGrant(accessToken: string, options?: CallOptions): Promise<void> {
    return revokeGrant(this.#context, accessToken, options);
  }

  /**
   * The server's clock, from the `Date` header of an unauthenticated `GET /meta`: judge the server's
   * `expires_at` times against it, not the local clock (they differ when the machines' clocks drift).
   */
  serverTime(options?: CallOptions): Promise<Date | undefined> {
    return serverTime(this.#context, options);
  }

  /** Closes the client's connection pools (API and web host). An injected dispatcher is left open for its owner. */
  async close(): Promise<void> {
    await Promise.all([
      this.#ownsDispatcher ? (this.#context.dispatcher as Dispatcher).close() : undefined,
      this.#context.web.dispatcher.close(),
    ]);
  }
}
