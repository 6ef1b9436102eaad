import { z } from "zod";
import { secondsSchema } from "./seconds.js";

/**
 * The success answer of `POST /login/oauth/access_token`: `{access_token, scope, token_type}`, plus
 * `expires_in`, `refresh_token`, `refresh_token_expires_in` for an app with expiring user tokens.
 * Unknown fields pass through.
 */
export const userTokenGrantResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string(),
  expires_in: secondsSchema.optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: secondsSchema.optional(),
});

/**
 * A grant as the client returns it: the answer plus absolute ISO 8601 expiry times computed from
 * the answer's arrival (`null` when the server gave no expiry: the token does not expire).
 */
export const userTokenGrantSchema = userTokenGrantResponseSchema.extend({
  expires_at: z.string().nullable(),
  refresh_token_expires_at: z.string().nullable(),
});

export type UserTokenGrant = z.output<typeof userTokenGrantSchema>;

/** Adds the absolute expiry times to a parsed answer. */
export function toUserTokenGrant(
  answer: z.output<typeof userTokenGrantResponseSchema>,
  receivedAtMs: number,
): UserTokenGrant {
  return {
    ...answer,
    expires_at: expiryAfter(receivedAtMs, answer.expires_in),
    refresh_token_expires_at: expiryAfter(receivedAtMs, answer.refresh_token_expires_in),
  };
}

export function expiryAfter(receivedAtMs: number, seconds: number | undefined): string | null {
  return seconds === undefined ? null : new Date(receivedAtMs + seconds * 1000).toISOString();
}
