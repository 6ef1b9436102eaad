import { randomUUID } from "node:crypto";
import type { CreateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenSetState } from "../../dynamic/scoped-token-set-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { mintEntries } from "./mint-and-revoke.js";
import { stateOfSet } from "./set-state.js";
import { tokenSetInputsOf } from "./token-set-inputs.js";

/** Mints every entry; when one fails, none is left alive and nothing is created. */
export async function createTokenSet(
  props: Record<string, unknown>,
): Promise<CreateResult<ScopedTokenSetState>> {
  const inputs = tokenSetInputsOf(props);
  const client = clientFor(resolveConnection(inputs.connection), {
    allowUnknownPermissions: inputs.allowUnknownPermissions,
  });
  const minted = await mintEntries(client, inputs.accessToken, inputs.scopes, Object.keys(inputs.scopes));
  return { id: randomUUID(), outs: stateOfSet(inputs, minted) };
}
