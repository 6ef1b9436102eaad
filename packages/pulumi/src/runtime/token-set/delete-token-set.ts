import type { ScopedTokenSetState } from "../../dynamic/scoped-token-set-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { proveCredentials } from "../shared/prove-credentials.js";
import { revokeTokens } from "./mint-and-revoke.js";

/**
 * Revokes every token of the set and any pending revocation; already gone (404) counts as done once the credentials are proven. When
 * some cannot be revoked the delete fails and the set stays in state, so a later destroy retries.
 */
export async function deleteTokenSet(_id: string, props: ScopedTokenSetState): Promise<void> {
  const client = clientFor(resolveConnection(props.connection));
  const tokens = [...Object.values(props.tokens ?? {}), ...(props.pendingRevocation ?? [])];
  const { failed, error } = await revokeTokens(client, tokens, () =>
    proveCredentials(props.connection, "destroying the ScopedTokenSet"),
  );
  if (failed.length > 0) {
    const reason = explainApiError("revoking", error).message;
    throw new Error(
      `revoking scoped tokens failed for ${failed.length} of ${tokens.length} tokens: ${reason}`,
    );
  }
}
