import { isDeepStrictEqual } from "node:util";
import type { UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { MintedTokenFacts, ScopedTokenState } from "../../dynamic/scoped-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { operationCall } from "../shared/operation-deadline.js";
import { proveCredentials } from "../shared/prove-credentials.js";
import { tokenAlive } from "../shared/token-alive.js";
import { parentTokenChanged } from "./diff-state.js";
import { SCOPED_TOKEN_PROPERTIES } from "./inputs-schema.js";
import { mintedTokenFacts, refreshedFacts } from "./minted-token-facts.js";
import { inputsOf, scopeRequest, stateInputs } from "./scope-request.js";

/** The state minus the old inputs (and the old parent digest), so an input removed from the program does not linger. */
function factsOf(state: ScopedTokenState): MintedTokenFacts {
  const facts: Record<string, unknown> = { ...state };
  for (const key of [...SCOPED_TOKEN_PROPERTIES, "accessTokenHash"]) delete facts[key];
  return facts as unknown as MintedTokenFacts;
}

/**
 * In-place changes. A new parent accessToken (its UserToken renewed earlier in this `up`) gets the token
 * checked (POST /applications/{client_id}/token), since GitHub does not document whether a refresh
 * revokes the tokens minted from the old parent: still valid, only state changes; dead, a new token is
 * minted from the new parent in this same update (the old one is gone already). A new rotationTrigger
 * resets the token (PATCH /applications/{client_id}/token): a new value, the old one stops working.
 * renewBefore or connection alone touch nothing remote.
 */
export async function updateScopedToken(
  _id: string,
  olds: ScopedTokenState,
  newProps: Record<string, unknown>,
): Promise<UpdateResult<ScopedTokenState>> {
  const inputs = inputsOf(newProps);
  const client = clientFor(resolveConnection(inputs.connection), {
    allowUnknownPermissions: inputs.allowUnknownPermissions,
  });
  if (parentTokenChanged(olds as unknown as Record<string, unknown>, inputs.accessToken)) {
    let alive: boolean;
    try {
      alive = await tokenAlive(
        clientFor(resolveConnection(olds.connection ?? inputs.connection)),
        olds.token,
      );
    } catch (error) {
      throw explainApiError("checking the scoped token after its parent token changed", error);
    }
    // A 404 means "revoked with its parent" only once the credentials are proven (a wrong secret gets 404 too).
    if (!alive) {
      await proveCredentials(
        olds.connection ?? inputs.connection,
        "checking the scoped token after its parent token changed",
      );
      try {
        const authorization = await client.scopeToken(scopeRequest(inputs), operationCall());
        return { outs: { ...stateInputs(inputs), ...mintedTokenFacts(authorization) } };
      } catch (error) {
        throw explainApiError(
          "minting the scoped token anew (the old one was revoked with its parent)",
          error,
        );
      }
    }
  }
  if (isDeepStrictEqual(olds.rotationTrigger, inputs.rotationTrigger)) {
    return { outs: { ...factsOf(olds), ...stateInputs(inputs) } };
  }
  try {
    const authorization = await client.resetToken(olds.token, operationCall());
    return { outs: { ...stateInputs(inputs), ...refreshedFacts(factsOf(olds), authorization) } };
  } catch (error) {
    throw explainApiError("rotating the scoped token", error);
  }
}
