import type { ScopeTokenInput } from "@ghes-oauth/client";
import type { ScopedTokenInputs } from "../scoped-token-state.js";

/** The resource's inputs minus its own settings: exactly what the scope call takes. */
export function scopeRequest(inputs: ScopedTokenInputs): ScopeTokenInput {
  const { accessToken, target, targetId, repositories, repositoryIds, permissions } = inputs;
  return { accessToken, target, targetId, repositories, repositoryIds, permissions };
}

/** The inputs as they go into state (the engine adds back its own __provider). */
export function inputsOf(props: Record<string, unknown>): ScopedTokenInputs {
  const { __provider: _provider, ...inputs } = props;
  const known: Record<string, unknown> = {};
  for (const key of [
    "accessToken",
    "target",
    "targetId",
    "repositories",
    "repositoryIds",
    "permissions",
    "rotationTrigger",
    "connection",
  ]) {
    if (inputs[key] !== undefined) known[key] = inputs[key];
  }
  return known as unknown as ScopedTokenInputs;
}
