import { isDeepStrictEqual } from "node:util";
import type { DiffResult } from "@pulumi/pulumi/dynamic/index.js";
import { serverNowFor } from "../scoped-token/diff-scoped-token.js";
import { rejectRefusedCredentials } from "../shared/prove-credentials.js";
import { dueForRenewal } from "../shared/renewal.js";
import { containsUnknown } from "../shared/unknown-value.js";
import { USER_TOKEN_SETTINGS } from "./inputs-schema.js";
import { seedHash } from "./seed-hash.js";

/**
 * Decides whether `up` updates the UserToken (it is never replaced: a replacement would need a seed
 * that was used long ago). An update renews the pair when the access token expires within renewBefore
 * at `serverNowMs` (the server's clock), or starts over when the seed input changed (a new sign-in);
 * a settings change alone only updates state. Nothing here calls the API: preview never refreshes.
 */
export function diffUserTokenState(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  serverNowMs: number,
): DiffResult {
  const updates: string[] = USER_TOKEN_SETTINGS.filter(
    (property) => containsUnknown(news[property]) || !isDeepStrictEqual(olds[property], news[property]),
  );
  const seed = news.refreshToken;
  if (containsUnknown(seed) || (typeof seed === "string" && seedHash(seed) !== olds.seedHash)) {
    updates.push("refreshToken");
  }
  const renewBefore = containsUnknown(news.renewBefore) ? olds.renewBefore : news.renewBefore;
  if (dueForRenewal(olds.expiresAt, renewBefore, serverNowMs)) updates.push("accessToken");
  return { changes: updates.length > 0, replaces: [], deleteBeforeReplace: false };
}

/** The provider's diff: diffUserTokenState on the server's clock. */
export async function diffUserToken(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<DiffResult> {
  await rejectRefusedCredentials(news, "diffing the UserToken");
  const now = typeof olds.expiresAt === "string" ? await serverNowFor(olds, news) : Date.now();
  return diffUserTokenState(olds, news, now);
}
