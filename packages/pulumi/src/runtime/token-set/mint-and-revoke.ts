import { NotFoundError, type OAuthAppClient } from "@ghes-oauth/client";
import type { ScopedTokenSpecInputs, TokenDetails } from "../../dynamic/scoped-token-set-state.js";
import { mintedTokenFacts } from "../scoped-token/minted-token-facts.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { operationCall } from "../shared/operation-deadline.js";
import { forEachLimited, type Settled } from "./for-each-limited.js";
import { scopeOf } from "./token-set-inputs.js";

export interface MintedEntries {
  tokens: Record<string, string>;
  tokenDetails: Record<string, TokenDetails>;
}

/**
 * One error for the entries that failed, each named (with why it was minted, when given) and with the
 * API's secret-free explanation.
 */
export function entriesFailed(
  action: string,
  failed: Settled<string, unknown>[],
  of: number,
  reasons: Readonly<Record<string, string>> = {},
): Error {
  const shown = failed.slice(0, 5).map((entry) => {
    const error = entry.ok ? undefined : entry.error;
    const why = reasons[entry.item] === undefined ? "" : ` (${reasons[entry.item]})`;
    return explainApiError(`"${entry.item}"${why}`, error).message;
  });
  const more = failed.length > shown.length ? `; and ${failed.length - shown.length} more` : "";
  return new Error(`${action} failed for ${failed.length} of ${of} tokens: ${shown.join("; ")}${more}`);
}

/**
 * Mints the named entries (POST /applications/{client_id}/token/scoped, a few at a time). All or
 * nothing: when any fails, the ones just minted are revoked again and the error names the failures,
 * each with its reason from the plan (`new`, `changed`, `renewal`, `missing`).
 */
export async function mintEntries(
  client: OAuthAppClient,
  accessToken: string,
  scopes: Record<string, ScopedTokenSpecInputs>,
  names: readonly string[],
  reasons: Readonly<Record<string, string>> = {},
): Promise<MintedEntries> {
  const settled = await forEachLimited(names, (name) =>
    client.scopeToken({ accessToken, ...scopeOf(scopes[name] as ScopedTokenSpecInputs) }, operationCall()),
  );
  const failed = settled.filter((entry) => !entry.ok);
  const minted: MintedEntries = { tokens: {}, tokenDetails: {} };
  for (const entry of settled) {
    if (!entry.ok) continue;
    const { token, ...details } = mintedTokenFacts(entry.value);
    minted.tokens[entry.item] = token;
    minted.tokenDetails[entry.item] = details;
  }
  if (failed.length > 0) {
    // These tokens were just minted with this client: its credentials are proven already.
    const cleanup = await revokeTokens(client, Object.values(minted.tokens), async () => {});
    const error = entriesFailed("minting scoped tokens", failed, names.length, reasons);
    if (cleanup.failed.length > 0) {
      error.message += ` (${cleanup.failed.length} tokens minted before the failure could not be revoked again and stay valid until they expire)`;
    }
    throw error;
  }
  return minted;
}

/**
 * Revokes tokens (DELETE /applications/{client_id}/token, a few at a time); already gone (404) counts
 * as revoked once `proveCredentials` resolves (GitHub answers 404 to a wrong client secret too): when
 * it fails, the tokens that answered 404 count as not revoked, with its error. Returns the tokens that
 * could not be revoked, with the first error.
 */
export async function revokeTokens(
  client: OAuthAppClient,
  tokens: readonly string[],
  proveCredentials: () => Promise<void>,
): Promise<{ failed: string[]; error?: unknown }> {
  const settled = await forEachLimited(tokens, async (token) => {
    try {
      await client.deleteToken(token, operationCall());
      return "revoked" as const;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return "gone" as const;
    }
  });
  const failed: string[] = [];
  let firstError: unknown;
  const fail = (token: string, error: unknown) => {
    if (failed.length === 0) firstError = error;
    failed.push(token);
  };
  for (const entry of settled) if (!entry.ok) fail(entry.item, entry.error);
  const gone = settled.filter((entry) => entry.ok && entry.value === "gone").map((entry) => entry.item);
  if (gone.length > 0) {
    try {
      await proveCredentials();
    } catch (error) {
      for (const token of gone) fail(token, error);
    }
  }
  return { failed, ...(failed.length > 0 ? { error: firstError } : {}) };
}
