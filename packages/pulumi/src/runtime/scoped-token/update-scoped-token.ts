import { isDeepStrictEqual } from "node:util";
import type { UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { MintedTokenFacts, ScopedTokenState } from "../../dynamic/scoped-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { SCOPED_TOKEN_PROPERTIES } from "./inputs-schema.js";
import { refreshedFacts } from "./minted-token-facts.js";
import { inputsOf, stateInputs } from "./scope-request.js";

/** The state minus the old inputs (and the old parent digest), so an input removed from the program does not linger. */
function factsOf(state: ScopedTokenState): MintedTokenFacts {
  const facts: Record<string, unknown> = { ...state };
  for (const key of [...SCOPED_TOKEN_PROPERTIES, "accessTokenHash"]) delete facts[key];
  return facts as unknown as MintedTokenFacts;
}

/**
 * In-place changes. A new rotationTrigger resets the token (PATCH /applications/{client_id}/token): a
 * new value, the old one stops working. A new parent accessToken, renewBefore or connection alone
 * touches nothing remote.
 */
export async function updateScopedToken(
  _id: string,
  olds: ScopedTokenState,
  newProps: Record<string, unknown>,
): Promise<UpdateResult<ScopedTokenState>> {
  const inputs = inputsOf(newProps);
  if (isDeepStrictEqual(olds.rotationTrigger, inputs.rotationTrigger)) {
    return { outs: { ...factsOf(olds), ...stateInputs(inputs) } };
  }
  const client = clientFor(resolveConnection(inputs.connection));
  try {
    const authorization = await client.resetToken(olds.token);
    return { outs: { ...stateInputs(inputs), ...refreshedFacts(factsOf(olds), authorization) } };
  } catch (error) {
    throw explainApiError("rotating the scoped token", error);
  }
}
