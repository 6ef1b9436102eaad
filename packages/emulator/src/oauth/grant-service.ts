import type { IssuedTokens, TokenService } from "../api/token-service.js";
import { REFRESH_TOKEN_LIFETIME_MS, TOKEN_LIFETIME_MS } from "../api/token-service.js";
import { OAuthError } from "../errors.js";
import type { Params } from "../http/read-params.js";
import type { App } from "../model.js";
import type { EmulatorUrls } from "../render/urls.js";
import type { Store } from "../store/store.js";
import type { DeviceAuthorizations } from "./device-authorizations.js";
import { DEVICE_CODE_LIFETIME_SECONDS } from "./device-authorizations.js";
import { verifierMatches } from "./pkce.js";
import type { WebFlowCodes } from "./web-flow-codes.js";

const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

type Fields = Record<string, string | number>;

/** Client credentials as sent: parameters first, HTTP Basic otherwise. */
export interface ClientCredentials {
  clientId: string | undefined;
  clientSecret: string | undefined;
}

/** The grants of `POST /login/oauth/access_token` and the start of the device flow. */
export class GrantService {
  constructor(
    private readonly store: Store,
    private readonly tokens: TokenService,
    private readonly devices: DeviceAuthorizations,
    private readonly webFlowCodes: WebFlowCodes,
    private readonly urls: EmulatorUrls,
  ) {}

  /** `POST /login/device/code`: a device code for the app named by `client_id`. */
  startDeviceFlow(credentials: ClientCredentials): Fields {
    const app = this.#app(credentials);
    if (!app.deviceFlow) throw new OAuthError("device_flow_disabled");
    const started = this.devices.start(app.id);
    // What GitHub answers a device flow asked too often: see MAX_PENDING_DEVICE_CODES_PER_APP.
    if (started.kind === "too-many") throw new OAuthError("slow_down");
    const { deviceCode, authorization } = started;
    return {
      device_code: deviceCode,
      user_code: authorization.userCode,
      verification_uri: `${this.urls.origin}/login/device`,
      expires_in: DEVICE_CODE_LIFETIME_SECONDS,
      interval: authorization.interval,
    };
  }

  /** `POST /login/oauth/access_token`: the grant named by `grant_type` (a web-flow code when absent). */
  exchange(params: Params, credentials: ClientCredentials): Fields {
    const grantType = params.get("grant_type");
    if (grantType === "refresh_token") return this.#refresh(params, credentials);
    if (grantType === DEVICE_CODE_GRANT) return this.#deviceCode(params, credentials);
    if (grantType === undefined || grantType === "authorization_code")
      return this.#webFlowCode(params, credentials);
    throw new OAuthError("unsupported_grant_type");
  }

  #refresh(params: Params, credentials: ClientCredentials): Fields {
    const app = this.#app(credentials);
    // A secret, when sent, must be right; it may be left out only for refresh tokens of the device flow.
    if (credentials.clientSecret !== undefined) this.#authenticate(app, credentials);
    const refreshToken = params.get("refresh_token");
    const used = refreshToken ? this.tokens.findRefreshToken(app, refreshToken) : undefined;
    if (!used) throw new OAuthError("bad_refresh_token");
    if (used.clientSecretRequired) this.#authenticate(app, credentials);
    const issued = this.tokens.redeem(app, used);
    if (!issued) throw new OAuthError("bad_refresh_token");
    return this.#grant(issued);
  }

  #webFlowCode(params: Params, credentials: ClientCredentials): Fields {
    const app = this.#authenticate(this.#app(credentials), credentials);
    const code = params.get("code");
    const entry = code ? this.webFlowCodes.find(app.id, code) : undefined;
    if (!code || !entry) throw new OAuthError("bad_verification_code");
    const redirectUri = params.get("redirect_uri");
    if (redirectUri !== undefined && redirectUri !== entry.redirectUri)
      throw new OAuthError("redirect_uri_mismatch");
    if (entry.codeChallenge !== null && !verifierMatches(entry.codeChallenge, params.get("code_verifier"))) {
      // A wrong guess uses the code up: the verifier cannot be found by trying.
      this.webFlowCodes.consume(code);
      throw new OAuthError("bad_verification_code");
    }
    const user = this.store.findAccountById(entry.userId);
    if (!user) throw new OAuthError("bad_verification_code");
    this.webFlowCodes.consume(code);
    return this.#grant(this.tokens.issueTokens(app, user, { clientSecretRequired: true }));
  }

  #deviceCode(params: Params, credentials: ClientCredentials): Fields {
    const app = this.#app(credentials);
    if (credentials.clientSecret !== undefined) this.#authenticate(app, credentials);
    if (!app.deviceFlow) throw new OAuthError("device_flow_disabled");
    const deviceCode = params.get("device_code");
    const outcome = deviceCode ? this.devices.poll(app.id, deviceCode) : { kind: "unknown" as const };
    switch (outcome.kind) {
      case "unknown":
        throw new OAuthError("incorrect_device_code");
      case "expired":
        throw new OAuthError("expired_token");
      case "too-fast":
        throw new OAuthError("slow_down", { interval: outcome.interval });
      case "pending":
        throw new OAuthError("authorization_pending");
      case "denied":
        throw new OAuthError("access_denied");
      case "approved": {
        const user = this.store.findAccountById(outcome.userId);
        if (!user) throw new OAuthError("access_denied");
        return this.#grant(this.tokens.issueTokens(app, user, { clientSecretRequired: false }));
      }
    }
  }

  /** The app named by client_id; GitHub does not say whether an app exists, only that credentials are wrong. */
  #app(credentials: ClientCredentials): App {
    const app = credentials.clientId ? this.store.findAppByClientId(credentials.clientId) : undefined;
    if (!app) throw new OAuthError("incorrect_client_credentials");
    return app;
  }

  #authenticate(app: App, credentials: ClientCredentials): App {
    if (credentials.clientSecret === undefined || !this.tokens.secretMatches(app, credentials.clientSecret)) {
      throw new OAuthError("incorrect_client_credentials");
    }
    return app;
  }

  /** GitHub's token response: with lifetimes and a refresh token when the app expires its tokens. */
  #grant(issued: IssuedTokens): Fields {
    if (!issued.refreshToken) return { access_token: issued.accessToken, scope: "", token_type: "bearer" };
    return {
      access_token: issued.accessToken,
      expires_in: TOKEN_LIFETIME_MS / 1000,
      refresh_token: issued.refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_MS / 1000,
      scope: "",
      token_type: "bearer",
    };
  }
}
