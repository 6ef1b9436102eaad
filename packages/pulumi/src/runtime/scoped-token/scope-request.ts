import type { ScopeTokenInput } from "@ghes-oauth/client";
import type { ScopedTokenInputs, StateInputs } from "../../dynamic/scoped-token-state.js";
import { declaredInputs } from "../shared/declared-inputs.js";
import { parentTokenDigest } from "../shared/parent-token-digest.js";
import { SCOPED_TOKEN_PROPERTIES } from "./inputs-schema.js";

/** The resource's inputs minus its own settings: exactly what the scope call takes. */
export function scopeRequest(inputs: ScopedTokenInputs): ScopeTokenInput {
  const { accessToken, target, targetId, repositories, repositoryIds, permissions } = inputs;
  return { accessToken, target, targetId, repositories, repositoryIds, permissions };
}

/** The inputs as the outputs keep them: the parent token only as its digest. */
export function stateInputs(inputs: ScopedTokenInputs): StateInputs {
  const { accessToken, ...rest } = inputs;
  return { ...rest, accessTokenHash: parentTokenDigest(accessToken) };
}

/** The inputs as the provider receives them (the engine adds back its own __provider). */
export function inputsOf(props: Record<string, unknown>): ScopedTokenInputs {
  return declaredInputs(props, SCOPED_TOKEN_PROPERTIES);
}
