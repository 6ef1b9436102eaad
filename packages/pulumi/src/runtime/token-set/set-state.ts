import type { ScopedTokenSetInputs, ScopedTokenSetState } from "../../dynamic/scoped-token-set-state.js";
import { parentTokenDigest } from "../shared/parent-token-digest.js";
import type { MintedEntries } from "./mint-and-revoke.js";

/** The state written for the set: inputs (the parent token as its digest) and the tokens held. */
export function stateOfSet(
  inputs: ScopedTokenSetInputs,
  held: MintedEntries,
  pendingRevocation: readonly string[] = [],
): ScopedTokenSetState {
  const { accessToken, ...rest } = inputs;
  return {
    ...rest,
    accessTokenHash: parentTokenDigest(accessToken),
    tokens: held.tokens,
    tokenDetails: held.tokenDetails,
    ...(pendingRevocation.length > 0 ? { pendingRevocation: [...pendingRevocation] } : {}),
  };
}

/** `record` limited to `names`, in that order. */
export function pick<T>(record: Record<string, T>, names: readonly string[]): Record<string, T> {
  return Object.fromEntries(names.filter((name) => name in record).map((name) => [name, record[name] as T]));
}
