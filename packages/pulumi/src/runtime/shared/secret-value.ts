import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc.js";

// How a secret travels on the provider protocol: `{ [specialSigKey]: specialSecretSig, value }`. The
// dynamic-provider host tells the engine it does not accept secrets, so today the engine unwraps them
// before they reach a provider; these helpers make the code right for a host that keeps them too.

/** Whether `value` is a secret as the provider protocol marks it. */
export function isSecretValue(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[specialSigKey] === specialSecretSig
  );
}

/** Whether `value` is a secret or holds one at any depth. */
export function containsSecret(value: unknown): boolean {
  if (isSecretValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsSecret);
  return false;
}

/** `value` with every secret replaced by what it holds, at any depth (for validation only). */
export function revealSecrets(value: unknown): unknown {
  if (isSecretValue(value)) return revealSecrets(value.value);
  if (Array.isArray(value)) return value.map(revealSecrets);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revealSecrets(item)]));
  }
  return value;
}
