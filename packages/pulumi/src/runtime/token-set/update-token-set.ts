import type { UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenSetState } from "../../dynamic/scoped-token-set-state.js";
import { serverNowFor } from "../scoped-token/diff-scoped-token.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { parentTokenDigest } from "../shared/parent-token-digest.js";
import { proveCredentials } from "../shared/prove-credentials.js";
import { deadEntries } from "./dead-entries.js";
import { planFromState } from "./diff-token-set.js";
import { mintEntries, revokeTokens } from "./mint-and-revoke.js";
import { pick, stateOfSet } from "./set-state.js";
import { tokenSetInputsOf } from "./token-set-inputs.js";
import { withDeadEntries } from "./token-set-plan.js";

/**
 * Mints the entries the plan names (all or nothing: on a failure the old state and tokens stay as they
 * were), then revokes the tokens they replace and those of removed entries: at once
 * (`revokeReplaced: "immediately"`), or at the next `up` or `destroy` (`"next-run"`, so resources fed
 * the old values are updated before those stop working). When the parent token changed, every kept
 * token is checked first and a dead one minted anew in this same update. A token that cannot be revoked
 * now is kept (encrypted) and retried at the next `up` or `destroy`.
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
  const oldTokens = olds.tokens ?? {};
  // Old states' connection may differ from the new one: check and revoke with the one the tokens were minted under.
  const revoker = clientFor(resolveConnection(olds.connection ?? inputs.connection));
  const prove = (action: string) => () => proveCredentials(olds.connection ?? inputs.connection, action);
  let plan = planFromState(olds, inputs.scopes, inputs.renewBefore, await serverNowFor(olds, newProps));
  if (olds.accessTokenHash !== parentTokenDigest(inputs.accessToken) && plan.keep.length > 0) {
    const dead = await deadEntries(
      revoker,
      oldTokens,
      plan.keep,
      prove("checking the ScopedTokenSet's tokens after their parent token changed"),
    );
    plan = withDeadEntries(plan, dead);
  }
  const minted = await mintEntries(client, inputs.accessToken, inputs.scopes, plan.mint, plan.reasons);
  const replaced = plan.retire.map((name) => oldTokens[name] as string);
  const later = inputs.revokeReplaced === "next-run" ? replaced : [];
  const revokedNow = [...(later === replaced ? [] : replaced), ...(olds.pendingRevocation ?? [])];
  const { failed } = await revokeTokens(
    revoker,
    revokedNow,
    prove("revoking the ScopedTokenSet's replaced tokens"),
  );
  const names = Object.keys(inputs.scopes);
  const held = {
    tokens: { ...pick(oldTokens, plan.keep), ...minted.tokens },
    tokenDetails: { ...pick(olds.tokenDetails ?? {}, plan.keep), ...minted.tokenDetails },
  };
  return {
    outs: stateOfSet(
      inputs,
      { tokens: pick(held.tokens, names), tokenDetails: pick(held.tokenDetails, names) },
      [...failed, ...later],
    ),
  };
}
