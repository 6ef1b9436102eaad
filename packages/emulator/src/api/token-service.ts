import { type Clock, githubTimestamp } from "../clock.js";
import { digestsEqual, newClientSecret, newUserToken, sha256Hex } from "../credentials.js";
import { notFound, requiresAuthentication, validationFailed } from "../http/api-error.js";
import type { BasicCredentials } from "../http/basic-auth.js";
import type { Account, App, TokenRecord, TokenScope } from "../model.js";
import { PermissionCatalogue } from "../permission-catalogue.js";
import { authorizationView } from "../render/authorization-view.js";
import type { EmulatorUrls } from "../render/urls.js";
import type { Store } from "../store/store.js";
import type { ScopeTokenBody } from "./request-schemas.js";
import { resolveScope } from "./resolve-scope.js";

/** User-to-server tokens expire 8 hours after they are issued, as on GitHub. */
export const TOKEN_LIFETIME_MS = 8 * 60 * 60 * 1000;

export type AuthorizationJson = ReturnType<typeof authorizationView>;

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
  ) {}

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
      expiresAt: now + TOKEN_LIFETIME_MS,
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
    // A narrowed credential does not outlive the one it was made from.
    const { record, token } = this.#insertToken(app, live.user, live.record.expiresAt, scope);
    return authorizationView({ record, token, app, user: live.user, target }, this.urls);
  }

  /** Issues a user token as GitHub's web flow would. */
  issue(app: App, user: Account): AuthorizationJson {
    const { record, token } = this.#insertToken(app, user, this.clock.now() + TOKEN_LIFETIME_MS, null);
    return authorizationView({ record, token, app, user }, this.urls);
  }

  #insertToken(app: App, user: Account, expiresAt: number, scope: TokenScope | null) {
    const token = newUserToken();
    const now = this.clock.now();
    const record = this.store.insertToken({
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
    });
    return { record, token };
  }

  /** Live (unexpired) tokens of an app, without their values. */
  liveTokens(app: App) {
    const now = this.clock.now();
    return this.store
      .listTokens(app.id)
      .filter((record) => record.expiresAt > now)
      .map((record) => ({
        id: record.id,
        hashed_token: record.hashedToken,
        token_last_eight: record.lastEight,
        user: { login: this.store.findAccountById(record.userId)?.login ?? null },
        scoped: record.scope !== null,
        expires_at: githubTimestamp(record.expiresAt),
      }));
  }

  #liveToken(app: App, token: string, docs: string): LiveToken {
    const record = this.store.findTokenByHash(sha256Hex(token));
    if (!record || record.appId !== app.id || record.expiresAt <= this.clock.now()) throw notFound(docs);
    const user = this.store.findAccountById(record.userId);
    if (!user) throw notFound(docs);
    return { record, user };
  }

  #view(app: App, { record, user }: LiveToken, token: string): AuthorizationJson {
    const target = record.scope ? this.store.findAccountById(record.scope.targetAccountId) : undefined;
    return authorizationView({ record, token, app, user, target }, this.urls);
  }
}
