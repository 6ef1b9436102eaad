import { NotFoundError } from "@ghes-oauth/client";
import type { ReadResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenSetState, TokenDetails } from "../../dynamic/scoped-token-set-state.js";
import { refreshedFacts } from "../scoped-token/minted-token-facts.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { operationCall } from "../shared/operation-deadline.js";
import { proveCredentials } from "../shared/prove-credentials.js";
import { forEachLimited } from "./for-each-limited.js";
import { entriesFailed } from "./mint-and-revoke.js";

/**
 * Checks every token (POST /applications/{client_id}/token). A revoked or expired one (404) is dropped
 * from state, so the next `pulumi up` mints that entry anew; the others' details are brought up to date.
 */
export async function readTokenSet(
  id: string,
  props: ScopedTokenSetState,
): Promise<ReadResult<ScopedTokenSetState>> {
  const client = clientFor(resolveConnection(props.connection));
  const tokens = props.tokens ?? {};
  const details = props.tokenDetails ?? {};
  const settled = await forEachLimited(Object.keys(tokens), async (name) => {
    try {
      return await client.checkToken(tokens[name] as string, operationCall());
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  });
  const failed = settled.filter((entry) => !entry.ok);
  if (failed.length > 0) throw entriesFailed("checking scoped tokens", failed, settled.length);
  if (settled.some((entry) => entry.ok && entry.value === undefined)) {
    await proveCredentials(props.connection, "refreshing the ScopedTokenSet");
  }
  const kept: ScopedTokenSetState = { ...props, tokens: {}, tokenDetails: {} };
  for (const entry of settled) {
    if (!entry.ok || entry.value === undefined) continue;
    const token = tokens[entry.item] as string;
    const previous = { ...(details[entry.item] as TokenDetails), token };
    const { token: _same, ...refreshed } = refreshedFacts(previous, entry.value);
    kept.tokens[entry.item] = token;
    kept.tokenDetails[entry.item] = refreshed;
  }
  return { id, props: kept };
}
