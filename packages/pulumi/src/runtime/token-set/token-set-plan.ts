import { isDeepStrictEqual } from "node:util";
import type { ScopedTokenSpecInputs } from "../../dynamic/scoped-token-set-state.js";
import { dueForRenewal } from "../shared/renewal.js";

/** What an `up` does to each entry of a ScopedTokenSet. */
export interface TokenSetPlan {
  /** Entries whose token stays as it is. */
  keep: string[];
  /** Entries that get a new token: new ones, changed ones, ones due for renewal or gone at refresh. */
  mint: string[];
  /** Entries whose current token is revoked once the new tokens exist (changed, due or removed). */
  retire: string[];
  /** Why each minted entry is minted, for messages: `new`, `changed`, `renewal`, `missing`, `revoked`. */
  reasons: Record<string, MintReason>;
}

export type MintReason = "new" | "changed" | "renewal" | "missing" | "revoked";

/** What the plan needs to know of the current state. */
export interface TokenSetSnapshot {
  scopes: Record<string, ScopedTokenSpecInputs>;
  tokens: Record<string, string>;
  expiresAt: Record<string, string | null | undefined>;
}

// Repository lists are sets to the API: reordering them must not mint a new token.
function comparable(spec: ScopedTokenSpecInputs): unknown {
  return {
    ...spec,
    repositories: spec.repositories && [...spec.repositories].sort(),
    repositoryIds: spec.repositoryIds && [...spec.repositoryIds].sort((a, b) => a - b),
  };
}

export function sameSpec(a: ScopedTokenSpecInputs, b: ScopedTokenSpecInputs): boolean {
  return isDeepStrictEqual(comparable(a), comparable(b));
}

/**
 * Decides per entry, from the state and the new scopes: an entry without a token, with a different
 * scope or rotationTrigger, or expiring within `renewBefore` at `serverNowMs` (the server's clock;
 * undefined: not judged) gets a new token; an entry no longer declared is retired.
 */
export function planTokenSet(
  olds: TokenSetSnapshot,
  scopes: Record<string, ScopedTokenSpecInputs>,
  renewBefore: unknown,
  serverNowMs?: number,
): TokenSetPlan {
  const plan: TokenSetPlan = { keep: [], mint: [], retire: [], reasons: {} };
  for (const [name, spec] of Object.entries(scopes)) {
    const oldSpec = olds.scopes[name];
    const token = olds.tokens[name];
    if (oldSpec === undefined) {
      plan.mint.push(name);
      plan.reasons[name] = token === undefined ? "new" : "changed";
    } else if (token === undefined) {
      plan.mint.push(name);
      plan.reasons[name] = "missing";
    } else if (!sameSpec(oldSpec, spec)) {
      plan.mint.push(name);
      plan.reasons[name] = "changed";
    } else if (serverNowMs !== undefined && dueForRenewal(olds.expiresAt[name], renewBefore, serverNowMs)) {
      plan.mint.push(name);
      plan.reasons[name] = "renewal";
    } else {
      plan.keep.push(name);
      continue;
    }
    if (token !== undefined) plan.retire.push(name);
  }
  for (const name of Object.keys(olds.tokens)) {
    if (!(name in scopes)) plan.retire.push(name);
  }
  return plan;
}

/**
 * The plan with kept entries whose token was found dead (revoked with a refreshed parent, say) minted
 * anew: reason `revoked`, and not retired (there is nothing left to revoke).
 */
export function withDeadEntries(plan: TokenSetPlan, dead: ReadonlySet<string>): TokenSetPlan {
  if (dead.size === 0) return plan;
  const revived = plan.keep.filter((name) => dead.has(name));
  return {
    keep: plan.keep.filter((name) => !dead.has(name)),
    mint: [...plan.mint, ...revived],
    retire: plan.retire,
    reasons: { ...plan.reasons, ...Object.fromEntries(revived.map((name) => [name, "revoked" as const])) },
  };
}
