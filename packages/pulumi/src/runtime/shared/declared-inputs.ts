/**
 * The properties a resource declares, as the provider received them: without the engine's own keys
 * (`__provider`) and without the ones the program left undefined.
 */
export function declaredInputs<T>(props: Record<string, unknown>, properties: readonly string[]): T {
  return Object.fromEntries(
    properties.filter((key) => props[key] !== undefined).map((key) => [key, props[key]]),
  ) as T;
}
