import { isDeepStrictEqual } from "node:util";
import type { DiffResult } from "@pulumi/pulumi/dynamic/index.js";
import { inputNames, replacingInputs } from "../../contract/derive.js";
import { scopedTokenContract } from "../../contract/scoped-token.js";
import { parentTokenDigest } from "../shared/parent-token-digest.js";
import { dueForRenewal } from "../shared/renewal.js";
import { containsUnknown } from "../shared/unknown-value.js";

/** Changing any of these asks the API for a different token: mint a replacement. */
const REPLACING = replacingInputs(scopedTokenContract);
/**
 * Changed in place. rotationTrigger resets the token; the others touch nothing remote: the parent
 * `accessToken` is only the minting source (a refreshed parent must not re-mint every child).
 */
const UPDATING = inputNames(scopedTokenContract).filter((property) => !REPLACING.includes(property));

// Repository lists are sets to the API: reordering them must not mint a new token.
function comparable(property: string, value: unknown): unknown {
  if ((property === "repositories" || property === "repositoryIds") && Array.isArray(value)) {
    return [...value].sort();
  }
  return value;
}

function differs(property: string, olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  if (containsUnknown(news[property])) return true;
  if (property === "accessToken") return parentTokenChanged(olds, news.accessToken);
  return !isDeepStrictEqual(comparable(property, olds[property]), comparable(property, news[property]));
}

/** Whether `accessToken` is another parent token than the one in state (which keeps its digest; state written before that kept the token itself). */
export function parentTokenChanged(olds: Record<string, unknown>, accessToken: unknown): boolean {
  if (typeof accessToken !== "string") return olds.accessToken !== accessToken;
  if (typeof olds.accessTokenHash === "string")
    return olds.accessTokenHash !== parentTokenDigest(accessToken);
  return olds.accessToken !== accessToken;
}

/**
 * Decides replace vs update: scope changes replace (create the new token before revoking the old), and
 * so does a token expiring within `renewBefore` at `serverNowMs` (the server's clock; undefined: not
 * judged); a rotationTrigger change resets in place; the other changes only update state.
 */
export function diffState(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  serverNowMs?: number,
): DiffResult {
  const replaces: string[] = REPLACING.filter((property) => differs(property, olds, news));
  if (serverNowMs !== undefined && dueForRenewal(olds.expiresAt, renewBeforeOf(news, olds), serverNowMs)) {
    replaces.push("expiresAt");
  }
  const updates = UPDATING.filter((property) => differs(property, olds, news));
  const changes = replaces.length > 0 || updates.length > 0;
  return { changes, replaces, deleteBeforeReplace: false };
}

// Not known yet at preview (from another resource): judge with the one in state.
function renewBeforeOf(news: Record<string, unknown>, olds: Record<string, unknown>): unknown {
  return containsUnknown(news.renewBefore) ? olds.renewBefore : news.renewBefore;
}
