import { isDeepStrictEqual } from "node:util";
import type { DiffResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenSetState, ScopedTokenSpecInputs } from "../../dynamic/scoped-token-set-state.js";
import { serverNowFor } from "../scoped-token/diff-scoped-token.js";
import { parentTokenDigest } from "../shared/parent-token-digest.js";
import { rejectRefusedCredentials } from "../shared/prove-credentials.js";
import { containsUnknown } from "../shared/unknown-value.js";
import { planTokenSet, type TokenSetPlan } from "./token-set-plan.js";

const STATE_ONLY = ["renewBefore", "allowUnknownPermissions", "connection", "revokeReplaced"] as const;

/** The plan for the entries from the state and the new inputs (the server's clock when known). */
export function planFromState(
  olds: ScopedTokenSetState,
  scopes: Record<string, ScopedTokenSpecInputs>,
  renewBefore: unknown,
  serverNowMs?: number,
): TokenSetPlan {
  const expiresAt = Object.fromEntries(
    Object.entries(olds.tokenDetails ?? {}).map(([name, details]) => [name, details.expiresAt]),
  );
  return planTokenSet(
    { scopes: olds.scopes ?? {}, tokens: olds.tokens ?? {}, expiresAt },
    scopes,
    renewBefore,
    serverNowMs,
  );
}

/**
 * The set is never replaced as a whole: entries are minted and revoked by `update`. There are changes
 * when an entry is added, changed, removed, missing or due for renewal, when a revocation is pending,
 * or when a setting kept in state (the parent token's digest among them) differs.
 */
export async function diffTokenSet(
  olds: ScopedTokenSetState,
  news: Record<string, unknown>,
): Promise<DiffResult> {
  const none: DiffResult = { changes: false, replaces: [], deleteBeforeReplace: false };
  const some: DiffResult = { ...none, changes: true };
  await rejectRefusedCredentials(news, "diffing the ScopedTokenSet");
  if (containsUnknown(news.scopes) || containsUnknown(news.accessToken)) return some;
  if (olds.pendingRevocation?.length) return some;
  if (typeof news.accessToken === "string" && parentTokenDigest(news.accessToken) !== olds.accessTokenHash) {
    return some;
  }
  if (STATE_ONLY.some((key) => containsUnknown(news[key]) || !isDeepStrictEqual(olds[key], news[key]))) {
    return some;
  }
  const scopes = (news.scopes ?? {}) as Record<string, ScopedTokenSpecInputs>;
  const serverNow = await serverNowFor(olds, news);
  const plan = planFromState(olds, scopes, news.renewBefore, serverNow);
  return plan.mint.length > 0 || plan.retire.length > 0 ? some : none;
}
