/** Whether a thrown value can have properties. */
export function isObjectLike(value: unknown): value is object {
  return value !== null && (typeof value === "object" || typeof value === "function");
}

/**
 * Reads a property of anything thrown, which may be a primitive, a null-prototype object, an
 * object with a throwing getter or a revoked proxy: every failure counts as absent.
 */
export function readProperty(value: unknown, key: string): unknown {
  if (!isObjectLike(value)) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
