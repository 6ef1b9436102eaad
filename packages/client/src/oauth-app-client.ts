import type { Dispatcher } from "undici";
import { OPERATIONS, type OperationMethods } from "./operations.js";
import type { CallOptions, OAuthAppClientOptions } from "./options.js";
import { createRequestContext } from "./request/create-request-context.js";
import type { RequestContext } from "./request/request-context.js";
import type { DeviceWaitOptions } from "./schemas/grant-inputs.js";
import type { UserTokenGrant } from "./schemas/user-token-grant.js";
import { serverTime } from "./server-time.js";
import { verifyCredentials } from "./verify-credentials.js";
import { waitForDeviceAuthorization } from "./wait-for-device-authorization.js";

/**
 * A client for an OAuth/GitHub App's token endpoints on GitHub Enterprise Server (or github.com).
 * Authenticates every call with the app's client ID and secret; reuses connections until close().
 * Its endpoint methods (checkToken, scopeToken, refreshToken, ...) come from the route and grant
 * tables (API_ROUTES, OAUTH_GRANTS), with their documentation and deprecation marks.
 */
export interface OAuthAppClient extends OperationMethods {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface's methods are installed on the prototype below, one per table entry
export class OAuthAppClient {
  // Private fields keep the credentials out of console.log / util.inspect of the client.
  readonly #context: RequestContext;
  readonly #ownsDispatcher: boolean;

  static {
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      const call = operation as (context: RequestContext, input: unknown, options?: CallOptions) => unknown;
      Object.defineProperty(OAuthAppClient.prototype, name, {
        value: function (this: OAuthAppClient, input: unknown, options?: CallOptions) {
          return call(this.#context, input, options);
        },
        writable: true,
        configurable: true,
      });
    }
  }

  /**
   * @throws InvalidInputError when an option is missing or invalid (e.g. plain http:// to a remote host);
   *   ConfigurationError when the environment's proxy setting (`HTTPS_PROXY`, ...) is not a usable URL.
   */
  constructor(options: OAuthAppClientOptions) {
    const { context, ownsDispatcher } = createRequestContext(options);
    this.#context = context;
    this.#ownsDispatcher = ownsDispatcher;
  }

  /**
   * Polls the device flow every `interval` seconds (honouring `slow_down`) until the user approves;
   * OAuthError `access_denied` if they deny, `expired_token` once `expiresIn` seconds have passed.
   */
  waitForDeviceAuthorization(deviceCode: string, options: DeviceWaitOptions): Promise<UserTokenGrant> {
    return waitForDeviceAuthorization(this.#context, deviceCode, options);
  }

  /**
   * The server's clock, from the `Date` header of an unauthenticated `GET /meta`: judge the server's
   * `expires_at` times against it, not the local clock (they differ when the machines' clocks drift).
   */
  serverTime(options?: CallOptions): Promise<Date | undefined> {
    return serverTime(this.#context, options);
  }

  /**
   * Proves the client ID and secret, minting nothing: a code exchange on the web host with a made-up
   * code answers `bad_verification_code` to the right credentials and `incorrect_client_credentials`
   * to wrong ones. Resolves when proven; InvalidCredentialsError when refused; CredentialsUnverifiedError
   * when the web host gave no usable answer. Do this before reading a 404 of the token API as "gone":
   * GitHub answers 404 to a wrong secret too.
   */
  verifyCredentials(options?: CallOptions): Promise<void> {
    return verifyCredentials(this.#context, options);
  }

  /** Closes the client's connection pools (API and web host). An injected dispatcher is left open for its owner. */
  async close(): Promise<void> {
    await Promise.all([
      this.#ownsDispatcher ? (this.#context.dispatcher as Dispatcher).close() : undefined,
      this.#context.web.dispatcher.close(),
    ]);
  }
}
