import { Behaviour } from "../behaviour/behaviour.js";
import { OAuthAppLimits } from "../behaviour/oauth-app-limits.js";
import { type Clock, githubTimestamp } from "../clock.js";
import {
  digestsEqual,
  newClientSecret,
  newOAuthAppToken,
  newRefreshToken,
  newUserToken,
  sha256Hex,
} from "../credentials.js";
import { notFound, requiresAuthentication, validationFailed } from "../errors.js";
import type { BasicCredentials } from "../http/basic-auth.js";
import type { Account, App, NewTokenRecord, RefreshTokenRecord, TokenRecord, TokenScope } from "../model.js";
import { PermissionCatalogue } from "../permission-catalogue.js";
import { authorizationView } from "../render/authorization-view.js";
import type { EmulatorUrls } from "../render/urls.js";
import type { Store } from "../store/store.js";
import type { ScopeTokenBody } from "./request-schemas.js";
import { resolveScope } from "./resolve-scope.js";

/** User-to-server tokens expire 8 hours after they are issued, as on GitHub (unless the app opts out). */
export const TOKEN_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** Refresh tokens expire after 6 months: GitHub's documented 15897600 seconds. */
export const REFRESH_TOKEN_LIFETIME_MS = 15_897_600 * 1000;

export type AuthorizationJson = ReturnType<typeof authorizationView>;

/** A freshly issued user access token, with its refresh token when the app expires its tokens. */
export interface IssuedTokens {
  accessToken: string;
  record: TokenRecord;
  user: Account;
  refreshToken?: string;
  refresh?: RefreshTokenRecord;
}

/** What the issued tokens' holder may do next. */
export interface IssueOptions {
  /** False for the device flow: its refresh tokens are redeemed without the client secret. */
  clientSecretRequired: boolean;
  /** An OAuth app's token: the OAuth scopes granted. */
  oauthScopes?: readonly string[];
}

interface LiveToken {
  record: TokenRecord;
  user: Account;
}

/** The token operations behind the nine endpoints and the admin API, free of HTTP concerns. */
export class TokenService {
  /** Basic credentials already verified, to the app they belong to; a secret rotation drops its app's. */
  readonly #verified = new Map<string, App>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly urls: EmulatorUrls,
    /** The scoped-token permissions of the API version served. */
    readonly catalogue: PermissionCatalogue = new PermissionCatalogue(),
    /** What GitHub leaves undocumented: scoped-token expiry, and what a parent's refresh does to them. */
    private readonly behaviour: Behaviour = new Behaviour(),
  ) {
    this.#oauthAppLimits = new OAuthAppLimits(behaviour, clock, store);
  }

  readonly #oauthAppLimits: OAuthAppLimits;

  /**
   * The app the credentials belong to. Like GitHub: no credentials is a 401; a wrong secret, or a
   * path client_id other than the authenticated app, is a 404 so nobody learns which apps exist.
   */
  authenticate(credentials: BasicCredentials | undefined, pathClientId: string, docs: string): App {
    if (!credentials) throw requiresAuthentication(docs);
    const key = `${credentials.username}:${credentials.password}`;
    let app = this.#verified.get(key);
    if (!app) {
      app = this.store.findAppByClientId(credentials.username);
      if (!app || !digestsEqual(app.secretHash, sha256Hex(credentials.password))) throw notFound(docs);
      this.#verified.set(key, app);
    }
    if (pathClientId !== app.clientId) throw notFound(docs);
    return app;
  }

  /** Gives the app a new client secret; the old one stops authenticating at once. */
  rotateClientSecret(app: App): string {
    const clientSecret = newClientSecret();
    this.store.replaceAppSecret(app.id, sha256Hex(clientSecret));
    for (const [key, verified] of this.#verified) {
      if (verified.id === app.id) this.#verified.delete(key);
    }
    return clientSecret;
  }

  /** Whether `clientSecret` is the app's current client secret. */
  secretMatches(app: App, clientSecret: string): boolean {
    return digestsEqual(app.secretHash, sha256Hex(clientSecret));
  }

  check(app: App, token: string, docs: string): AuthorizationJson {
    const live = this.#liveToken(app, token, docs);
    return this.#view(app, live, token);
  }

  reset(app: App, token: string, docs: string): AuthorizationJson {
    const live = this.#liveToken(app, token, docs);
    const fresh = newUserToken();
    const now = this.clock.now();
    const rotation = {
      hashedToken: sha256Hex(fresh),
      lastEight: fresh.slice(-8),
      updatedAt: now,
      expiresAt: this.#accessExpiry(app, now),
    };
    this.store.rotateToken(live.record.id, rotation);
    return this.#view(app, { ...live, record: { ...live.record, ...rotation } }, fresh);
  }

  deleteToken(app: App, token: string, docs: string): void {
    const live = this.#liveToken(app, token, docs);
    this.store.deleteToken(live.record.id);
  }

  deleteGrant(app: App, token: string, docs: string): void {
    const live = this.#liveToken(app, token, docs);
    this.store.deleteUserTokens(app.id, live.user.id);
  }

  scope(app: App, body: ScopeTokenBody, docs: string): AuthorizationJson {
    const live = this.#liveToken(app, body.access_token, docs);
    if (app.kind === "oauth-app") {
      throw validationFailed(docs, [
        {
          resource: "Authorization",
          field: "access_token",
          code: "invalid",
          message: "Only a GitHub App's user-to-server token can be scoped",
        },
      ]);
    }
    if (live.record.scope) {
      throw validationFailed(docs, [
        {
          resource: "Authorization",
          field: "access_token",
          code: "invalid",
          message: "Only a non-scoped user-to-server token can be scoped",
        },
      ]);
    }
    const { scope, target } = resolveScope(this.store, app, body, docs);
    const { record, token } = this.#insertToken(app, live.user, this.#scopedExpiry(app, live.record), {
      ...scope,
      parentTokenId: live.record.id,
    });
    return authorizationView({ record, token, app, user: live.user, target }, this.urls);
  }

  /**
   * Issues a user token as GitHub's web flow would: the authorization object, plus the refresh token and
   * lifetimes when the app expires its user tokens.
   */
  issue(app: App, user: Account, oauthScopes?: readonly string[]) {
    const issued = this.issueTokens(app, user, {
      clientSecretRequired: true,
      ...(oauthScopes ? { oauthScopes } : {}),
    });
    const view = authorizationView(
      { record: issued.record, token: issued.accessToken, app, user },
      this.urls,
    );
    if (!issued.refresh || !issued.refreshToken) return view;
    return {
      ...view,
      expires_in: TOKEN_LIFETIME_MS / 1000,
      refresh_token: issued.refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_MS / 1000,
      refresh_token_expires_at: githubTimestamp(issued.refresh.expiresAt),
    };
  }

  /** A new user access token (and refresh token, when the app expires its tokens) for a new grant. */
  issueTokens(app: App, user: Account, options: IssueOptions): IssuedTokens {
    const now = this.clock.now();
    if (app.kind === "oauth-app") {
      this.#oauthAppLimits.admitCreation(app, user.id);
      const token = newOAuthAppToken();
      const { input } = this.#newAccessToken(app, user, now, null, null);
      const record = this.store.insertToken({
        ...input,
        hashedToken: sha256Hex(token),
        lastEight: token.slice(-8),
        oauthScopes: [...new Set(options.oauthScopes ?? [])].sort(),
      });
      this.#oauthAppLimits.trim(app, record);
      return { accessToken: token, record, user };
    }
    const { token, input } = this.#newAccessToken(app, user, now, this.#accessExpiry(app, now), null);
    if (!app.expiringUserTokens) {
      return { accessToken: token, record: this.store.insertToken(input), user };
    }
    const refreshToken = newRefreshToken();
    const pair = this.store.insertTokenPair(
      input,
      this.#newRefreshRecord(app, user, refreshToken, now, options.clientSecretRequired),
    );
    return { accessToken: token, record: pair.record, user, refreshToken, refresh: pair.refresh };
  }

  /** The live refresh token of `app` with this value, or undefined (unknown, redeemed or expired). */
  findRefreshToken(app: App, refreshToken: string): RefreshTokenRecord | undefined {
    const record = this.store.findRefreshTokenByHash(sha256Hex(refreshToken));
    if (!record || record.appId !== app.id || record.expiresAt <= this.clock.now()) return undefined;
    return record;
  }

  /**
   * Redeems a refresh token: a new pair, and the used refresh token and its access token stop working
   * at once. Scoped tokens minted from that access token keep their own expiry (`keep-children`) or are
   * revoked with it (`revoke-children`): GitHub does not document which.
   */
  redeem(app: App, used: RefreshTokenRecord): IssuedTokens | undefined {
    const user = this.store.findAccountById(used.userId);
    if (!user) return undefined;
    const now = this.clock.now();
    const { token, input } = this.#newAccessToken(app, user, now, now + TOKEN_LIFETIME_MS, null);
    const refreshToken = newRefreshToken();
    const pair = this.store.redeemRefreshToken(
      used,
      input,
      this.#newRefreshRecord(app, user, refreshToken, now, used.clientSecretRequired),
    );
    if (this.behaviour.settings.parentRefresh === "revoke-children") {
      this.store.deleteScopedChildren(app.id, used.accessTokenId);
    }
    return { accessToken: token, record: pair.record, user, refreshToken, refresh: pair.refresh };
  }

  /**
   * Undocumented by GitHub, so switchable: `parent` (a narrowed credential does not outlive the one it
   * was made from) or `own` (8 hours from minting, like any user-to-server token).
   */
  #scopedExpiry(app: App, parent: TokenRecord): number | null {
    if (this.behaviour.settings.scopedTokenExpiry === "parent") return parent.expiresAt;
    return this.#accessExpiry(app, this.clock.now());
  }

  #accessExpiry(app: App, now: number): number | null {
    return app.expiringUserTokens ? now + TOKEN_LIFETIME_MS : null;
  }

  #newAccessToken(app: App, user: Account, now: number, expiresAt: number | null, scope: TokenScope | null) {
    const token = newUserToken();
    const input: NewTokenRecord = {
      appId: app.id,
      userId: user.id,
      hashedToken: sha256Hex(token),
      lastEight: token.slice(-8),
      note: null,
      noteUrl: null,
      fingerprint: null,
      createdAt: now,
      updatedAt: now,
      expiresAt,
      scope,
    };
    return { token, input };
  }

  #newRefreshRecord(
    app: App,
    user: Account,
    refreshToken: string,
    now: number,
    clientSecretRequired: boolean,
  ) {
    return {
      appId: app.id,
      userId: user.id,
      hashedToken: sha256Hex(refreshToken),
      lastEight: refreshToken.slice(-8),
      clientSecretRequired,
      createdAt: now,
      expiresAt: now + REFRESH_TOKEN_LIFETIME_MS,
    };
  }

  #insertToken(app: App, user: Account, expiresAt: number | null, scope: TokenScope | null) {
    const { token, input } = this.#newAccessToken(app, user, this.clock.now(), expiresAt, scope);
    return { record: this.store.insertToken(input), token };
  }

  /** Live (unexpired) access and refresh tokens of an app, without their values. */
  liveTokens(app: App) {
    const now = this.clock.now();
    const login = (userId: number) => this.store.findAccountById(userId)?.login ?? null;
    const access = this.store
      .listTokens(app.id)
      .filter((record) => record.expiresAt === null || record.expiresAt > now)
      .map((record) => ({
        kind: "access" as const,
        id: record.id,
        hashed_token: record.hashedToken,
        token_last_eight: record.lastEight,
        user: { login: login(record.userId) },
        scoped: record.scope !== null,
        expires_at: record.expiresAt === null ? null : githubTimestamp(record.expiresAt),
      }));
    const refresh = this.store
      .listRefreshTokens(app.id)
      .filter((record) => record.expiresAt > now)
      .map((record) => ({
        kind: "refresh" as const,
        id: record.id,
        hashed_token: record.hashedToken,
        token_last_eight: record.lastEight,
        user: { login: login(record.userId) },
        scoped: false,
        expires_at: githubTimestamp(record.expiresAt),
      }));
    return [...access, ...refresh];
  }

  #liveToken(app: App, token: string, docs: string): LiveToken {
    const record = this.store.findTokenByHash(sha256Hex(token));
    if (!record || record.appId !== app.id) throw notFound(docs);
    if (record.expiresAt !== null && record.expiresAt <= this.clock.now()) throw notFound(docs);
    const user = this.store.findAccountById(record.userId);
    if (!user) throw notFound(docs);
    return { record, user };
  }

  #view(app: App, { record, user }: LiveToken, token: string): AuthorizationJson {
    const target = record.scope ? this.store.findAccountById(record.scope.targetAccountId) : undefined;
    return authorizationView({ record, token, app, user, target }, this.urls);
  }
}
