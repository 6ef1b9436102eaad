import * as pulumi from "@pulumi/pulumi";
import type { Stack } from "@pulumi/pulumi/automation/index.js";

interface ExportedResource {
  type: string;
  urn: string;
  outputs?: Record<string, unknown>;
}

/**
 * One secret output of every resource of a type in the stack (e.g. each ScopedToken's `token`), by
 * resource name, read in memory from a decrypted export so the demo can check the values against the
 * API. Never printed.
 */
export async function secretOutputs(
  stack: Stack,
  type: "ScopedToken" | "UserToken",
  property: string,
): Promise<Map<string, string>> {
  const deployment = await stack.exportStack();
  const resources = (deployment.deployment.resources ?? []) as ExportedResource[];
  const values = new Map<string, string>();
  for (const resource of resources) {
    if (!resource.type.endsWith(`ghes-oauth:${type}`)) continue;
    const output = resource.outputs?.[property];
    const value =
      typeof output === "object" && output !== null && pulumi.runtime.specialSigKey in output
        ? JSON.parse(String((output as { plaintext?: string }).plaintext))
        : output;
    if (typeof value === "string") values.set(resource.urn.split("::").pop() ?? resource.urn, value);
  }
  return values;
}

/** The value of every ScopedToken in the stack. */
export function mintedTokens(stack: Stack): Promise<Map<string, string>> {
  return secretOutputs(stack, "ScopedToken", "token");
}
