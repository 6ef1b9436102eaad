import { isSecretValue, revealSecrets } from "@ghes-oauth/pulumi/provider-runtime";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc.js";

// This provider accepts secrets (the Node.js provider server says so at Configure), so the engine sends
// them wrapped as `{ [specialSigKey]: specialSecretSig, value }` and keeps the ones it gets back wrapped.

/** `value` with every secret marker replaced by what it holds, at any depth. */
export function unwrapSecrets<T>(value: T): T {
  return revealSecrets(value) as T;
}

/** `props` with the named properties (when present) wrapped as secrets. */
export function markSecrets(
  props: Record<string, unknown>,
  secretProperties: readonly string[],
): Record<string, unknown> {
  const marked = { ...props };
  for (const key of secretProperties) {
    const value = marked[key];
    if (value !== undefined && value !== null && !isSecretValue(value)) {
      marked[key] = { [specialSigKey]: specialSecretSig, value };
    }
  }
  return marked;
}

/** The top-level properties of `props` whose value is a secret or holds one at any depth. */
export function secretPropertiesOf(props: Record<string, unknown>): string[] {
  return Object.keys(props).filter((key) => holdsSecret(props[key]));
}

function holdsSecret(value: unknown): boolean {
  if (isSecretValue(value)) return true;
  if (value !== null && typeof value === "object") return Object.values(value).some(holdsSecret);
  return false;
}
