import type { OAuthAppClient } from "@ghes-oauth/client";
import { tokenAlive } from "../shared/token-alive.js";
import { forEachLimited } from "./for-each-limited.js";
import { entriesFailed } from "./mint-and-revoke.js";

/**
 * The entries among `names` whose token no longer works: one check (POST /applications/{client_id}/token)
 * each, a few at a time. Asked when the parent token changed: GitHub does not document whether a
 * refresh revokes the tokens minted from the old one. A check that fails otherwise than 404 fails the
 * update, naming the entries; a 404 counts as dead only once `proveCredentials` has proven the
 * connection (GitHub answers 404 to a wrong client secret too).
 */
export async function deadEntries(
  client: OAuthAppClient,
  tokens: Readonly<Record<string, string>>,
  names: readonly string[],
  proveCredentials: () => Promise<void>,
): Promise<Set<string>> {
  const settled = await forEachLimited(names, (name) => tokenAlive(client, tokens[name] as string));
  const failed = settled.filter((entry) => !entry.ok);
  if (failed.length > 0) {
    throw entriesFailed("checking scoped tokens after their parent token changed", failed, names.length);
  }
  const dead = new Set(settled.filter((entry) => entry.ok && !entry.value).map((entry) => entry.item));
  if (dead.size > 0) await proveCredentials();
  return dead;
}
