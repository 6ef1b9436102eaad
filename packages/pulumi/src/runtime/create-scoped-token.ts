import type { CreateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenState } from "../scoped-token-state.js";
import { clientFor } from "./client-for.js";
import { resolveConnection } from "./connection-settings.js";
import { explainApiError } from "./explain-api-error.js";
import { mintedTokenFacts } from "./minted-token-facts.js";
import { operationCall } from "./operation-deadline.js";
import { inputsOf, scopeRequest, stateInputs } from "./scope-request.js";

/** Mints the scoped token (POST /applications/{client_id}/token/scoped). */
export async function createScopedToken(
  props: Record<string, unknown>,
): Promise<CreateResult<ScopedTokenState>> {
  const inputs = inputsOf(props);
  const client = clientFor(resolveConnection(inputs.connection), {
    allowUnknownPermissions: inputs.allowUnknownPermissions,
  });
  try {
    const authorization = await client.scopeToken(scopeRequest(inputs), operationCall());
    return {
      id: String(authorization.id),
      outs: { ...stateInputs(inputs), ...mintedTokenFacts(authorization) },
    };
  } catch (error) {
    throw explainApiError("minting the scoped token", error);
  }
}
