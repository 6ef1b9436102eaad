import * as pulumi from "@pulumi/pulumi";

export { SECRET_INPUTS_KEY } from "./secret-inputs-key.js";

/**
 * The names of the given inputs that are secrets (wholly, or holding one), for the hidden input
 * SECRET_INPUTS_KEY. The dynamic-provider host receives secrets unwrapped, so without it check could
 * not tell that, say, a `pulumi.secret({...})` permissions map must not have its keys quoted in a
 * failure. Check removes it from the inputs again: it never reaches outputs or the API.
 */
export async function secretInputNames(
  inputs: Record<string, pulumi.Input<unknown> | undefined>,
): Promise<string[]> {
  const names: string[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined && (await pulumi.isSecret(pulumi.output(value)))) names.push(name);
  }
  return names;
}
