import type { UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenSetState } from "../../dynamic/scoped-token-set-state.js";
import { serverNowFor } from "../scoped-token/diff-scoped-token.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { planFromState } from "./diff-token-set.js";
import { mintEntries, revokeTokens } from "./mint-and-revoke.js";
import { pick, stateOfSet } from "./set-state.js";
import { tokenSetInputsOf } from "./token-set-inputs.js";

/**
 * Mints the entries the plan names (all or nothing: on a failure the old state and tokens stay as they
 * were), then revokes the tokens they replace and those of removed entries. A token that cannot be
 * revoked now is kept (encrypted) and retried at the next `up` or `destroy`.
 */
export async function updateTokenSet(
  _id: string,
  olds: ScopedTokenSetState,
  newProps: Record<string, unknown>,
): Promise<UpdateResult<ScopedTokenSetState>> {
  const inputs = tokenSetInputsOf(newProps);
  const client = clientFor(resolveConnection(inputs.connection), {
    allowUnknownPermissions: inputs.allowUnknownPermissions,
  });
  const plan = planFromState(olds, inputs.scopes, inputs.renewBefore, await serverNowFor(olds, newProps));
  const minted = await mintEntries(client, inputs.accessToken, inputs.scopes, plan.mint, plan.reasons);
  const oldTokens = olds.tokens ?? {};
  const retiring = [
    ...plan.retire.map((name) => oldTokens[name] as string),
    ...(olds.pendingRevocation ?? []),
  ];
  // Old states' connection may differ from the new one: revoke with the one the tokens were minted under.
  const revoker = clientFor(resolveConnection(olds.connection ?? inputs.connection));
  const { failed } = await revokeTokens(revoker, retiring);
  const names = Object.keys(inputs.scopes);
  const held = {
    tokens: { ...pick(oldTokens, plan.keep), ...minted.tokens },
    tokenDetails: { ...pick(olds.tokenDetails ?? {}, plan.keep), ...minted.tokenDetails },
  };
  return {
    outs: stateOfSet(
      inputs,
      { tokens: pick(held.tokens, names), tokenDetails: pick(held.tokenDetails, names) },
      failed,
    ),
  };
}
