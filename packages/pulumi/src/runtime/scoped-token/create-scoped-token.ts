import type { CreateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenState } from "../../dynamic/scoped-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { operationCall } from "../shared/operation-deadline.js";
import { mintedTokenFacts } from "./minted-token-facts.js";
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
