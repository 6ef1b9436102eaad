import { z } from "zod";

/**
 * What GitHub does not document, as switches (each is a guess; test both):
 * - `scopedTokenExpiry`: a scoped token expires with the token it was minted from (`parent`), or 8 hours
 *   after it was minted (`own`).
 * - `parentRefresh`: refreshing a user token leaves the scoped tokens minted from it valid
 *   (`keep-children`), or revokes them (`revoke-children`).
 */
export const SCOPED_TOKEN_EXPIRY = ["parent", "own"] as const;
export const PARENT_REFRESH = ["keep-children", "revoke-children"] as const;

export type ScopedTokenExpiry = (typeof SCOPED_TOKEN_EXPIRY)[number];
export type ParentRefresh = (typeof PARENT_REFRESH)[number];

const windowSeconds = z.number().int().min(1).max(86_400);

/** GitHub's primary limit: `limit` requests per `windowSeconds` (5,000 an hour on github.com). */
export const primaryRateLimitSchema = z.strictObject({
  limit: z.number().int().min(1).max(1_000_000),
  windowSeconds: windowSeconds.default(3600),
  /** GitHub answers an exhausted primary limit with 403 or 429. */
  status: z.union([z.literal(403), z.literal(429)]).default(403),
});

/** GitHub's secondary limit: more than `limit` mutating requests (not GET) in `windowSeconds` is a burst. */
export const secondaryRateLimitSchema = z.strictObject({
  limit: z.number().int().min(1).max(1_000_000),
  windowSeconds: windowSeconds.default(60),
  status: z.union([z.literal(403), z.literal(429)]).default(403),
});

/** OAuth apps only: tokens per user/app/scope (the oldest revoked beyond it) and tokens created per hour. */
export const oauthAppLimitsSchema = z.strictObject({
  tokensPerScope: z.number().int().min(1).max(1000).default(10),
  createdPerHour: z.number().int().min(1).max(100_000).default(10),
});

export const rateLimitSchema = z.strictObject({
  primary: primaryRateLimitSchema.nullable().optional(),
  secondary: secondaryRateLimitSchema.nullable().optional(),
  oauthApps: oauthAppLimitsSchema.nullable().optional(),
});

/** What `PUT /_emulator/behaviour` and `startEmulator({ behaviour })` accept: any subset. */
export const behaviourSchema = z.strictObject({
  scopedTokenExpiry: z.enum(SCOPED_TOKEN_EXPIRY).optional(),
  parentRefresh: z.enum(PARENT_REFRESH).optional(),
  /** Replaces every rate limit at once (null or `{}`: none); counters start over. */
  rateLimit: rateLimitSchema.nullable().optional(),
});

export type PrimaryRateLimit = z.output<typeof primaryRateLimitSchema>;
export type SecondaryRateLimit = z.output<typeof secondaryRateLimitSchema>;
export type OAuthAppLimits = z.output<typeof oauthAppLimitsSchema>;

export interface RateLimitSettings {
  primary: PrimaryRateLimit | null;
  secondary: SecondaryRateLimit | null;
  oauthApps: OAuthAppLimits | null;
}

export interface BehaviourSettings {
  scopedTokenExpiry: ScopedTokenExpiry;
  parentRefresh: ParentRefresh;
  rateLimit: RateLimitSettings;
}

/** The input form of the settings (defaults not yet applied), for `startEmulator` and the admin API. */
export type BehaviourInput = z.input<typeof behaviourSchema>;

export const NO_RATE_LIMITS: RateLimitSettings = { primary: null, secondary: null, oauthApps: null };

/** Today's guesses, and no rate limit (as GHES ships). */
export const DEFAULT_BEHAVIOUR: BehaviourSettings = {
  scopedTokenExpiry: "parent",
  parentRefresh: "keep-children",
  rateLimit: NO_RATE_LIMITS,
};

/** The emulator's current behaviour; changed at run time through the admin API. */
export class Behaviour {
  #settings: BehaviourSettings = DEFAULT_BEHAVIOUR;
  readonly #listeners: (() => void)[] = [];

  constructor(input?: BehaviourInput) {
    if (input) this.apply(behaviourSchema.parse(input));
  }

  get settings(): BehaviourSettings {
    return this.#settings;
  }

  /** Applies a parsed update; a given `rateLimit` replaces all limits and restarts their counters. */
  apply(update: z.output<typeof behaviourSchema>): BehaviourSettings {
    const next = { ...this.#settings };
    if (update.scopedTokenExpiry) next.scopedTokenExpiry = update.scopedTokenExpiry;
    if (update.parentRefresh) next.parentRefresh = update.parentRefresh;
    if (update.rateLimit !== undefined) {
      next.rateLimit = {
        primary: update.rateLimit?.primary ?? null,
        secondary: update.rateLimit?.secondary ?? null,
        oauthApps: update.rateLimit?.oauthApps ?? null,
      };
    }
    this.#settings = next;
    if (update.rateLimit !== undefined) for (const listener of this.#listeners) listener();
    return next;
  }

  /** Called whenever the rate limits are replaced (the limiter forgets its counters). */
  onRateLimitChange(listener: () => void): void {
    this.#listeners.push(listener);
  }
}
