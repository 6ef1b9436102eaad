import { isDeepStrictEqual } from "node:util";
import type { UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenState } from "../scoped-token-state.js";
import { clientFor } from "./client-for.js";
import { resolveConnection } from "./connection-settings.js";
import { explainApiError } from "./explain-api-error.js";
import { refreshedFacts } from "./minted-token-facts.js";
import { inputsOf } from "./scope-request.js";

/**
 * In-place changes. A new rotationTrigger resets the token (PATCH /applications/{client_id}/token): a
 * new value, the old one stops working. A connection change alone touches nothing remote.
 */
export async function updateScopedToken(
  _id: string,
  olds: ScopedTokenState,
  newProps: Record<string, unknown>,
): Promise<UpdateResult<ScopedTokenState>> {
  const inputs = inputsOf(newProps);
  if (isDeepStrictEqual(olds.rotationTrigger, inputs.rotationTrigger)) {
    const {
      accessToken: _a,
      rotationTrigger: _r,
      connection: _c,
      allowUnknownPermissions: _u,
      ...facts
    } = olds;
    return { outs: { ...facts, ...inputs } };
  }
  const client = clientFor(resolveConnection(inputs.connection));
  try {
    const authorization = await client.resetToken(olds.token);
    return { outs: { ...inputs, ...refreshedFacts(olds, authorization) } };
  } catch (error) {
    throw explainApiError("rotating the scoped token", error);
  }
}
