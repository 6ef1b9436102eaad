import type { Clock } from "../clock.js";
import { ApiError } from "../errors.js";
import { DOCUMENTATION_URLS as DOCS } from "../http/documentation-urls.js";
import type { App, TokenRecord } from "../model.js";
import type { Store } from "../store/store.js";
import type { Behaviour } from "./behaviour.js";

const HOUR_MS = 3_600_000;

/** The scopes as one key: order does not matter. */
function scopeKey(scopes: readonly string[] | undefined): string {
  return [...(scopes ?? [])].sort().join(",");
}

/**
 * GitHub's documented limits for OAuth apps only (not GitHub Apps), when `rateLimit.oauthApps` is on:
 * at most `createdPerHour` tokens created per user and app in an hour (beyond it GitHub asks the user to
 * authorize again; here the grant is refused with a 403), and at most `tokensPerScope` live tokens per
 * user, app and scope set: creating one more revokes the oldest.
 */
export class OAuthAppLimits {
  /** Creation times per app and user, over the last hour (revoked tokens count too). */
  readonly #created = new Map<string, number[]>();

  constructor(
    private readonly behaviour: Behaviour,
    private readonly clock: Clock,
    private readonly store: Store,
  ) {
    behaviour.onRateLimitChange(() => this.#created.clear());
  }

  /** Throws the refusal when `user` may not get another token of `app` now; records the creation otherwise. */
  admitCreation(app: App, userId: number): void {
    const limits = this.behaviour.settings.rateLimit.oauthApps;
    if (!limits || app.kind !== "oauth-app") return;
    const key = `${app.id}:${userId}`;
    const now = this.clock.now();
    const recent = (this.#created.get(key) ?? []).filter((at) => at > now - HOUR_MS);
    if (recent.length >= limits.createdPerHour) {
      this.#created.set(key, recent);
      throw new ApiError(403, {
        message: `OAuth app token creation rate limit exceeded: at most ${limits.createdPerHour} tokens per user and app an hour; the user must authorize the app again later.`,
        documentation_url: DOCS.rateLimiting,
      });
    }
    this.#created.set(key, [...recent, now]);
  }

  /** After `created` was stored: revokes the oldest tokens of its user, app and scopes beyond the cap. */
  trim(app: App, created: TokenRecord): void {
    const limits = this.behaviour.settings.rateLimit.oauthApps;
    if (!limits || app.kind !== "oauth-app") return;
    const now = this.clock.now();
    const key = scopeKey(created.oauthScopes);
    const same = this.store
      .listTokens(app.id)
      .filter(
        (token) =>
          token.userId === created.userId &&
          token.scope === null &&
          scopeKey(token.oauthScopes) === key &&
          (token.expiresAt === null || token.expiresAt > now),
      )
      .sort((a, b) => a.id - b.id);
    for (const oldest of same.slice(0, Math.max(0, same.length - limits.tokensPerScope))) {
      this.store.deleteToken(oldest.id);
    }
  }
}
