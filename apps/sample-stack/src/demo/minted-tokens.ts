import * as pulumi from "@pulumi/pulumi";
import type { Stack } from "@pulumi/pulumi/automation/index.js";

interface ExportedResource {
  type: string;
  urn: string;
  outputs?: { token?: unknown };
}

/**
 * The value of every ScopedToken in the stack, read in memory from a decrypted export, so the demo can
 * prove each one is revoked after destroy. Never printed.
 */
export async function mintedTokens(stack: Stack): Promise<Map<string, string>> {
  const deployment = await stack.exportStack();
  const resources = (deployment.deployment.resources ?? []) as ExportedResource[];
  const tokens = new Map<string, string>();
  for (const resource of resources) {
    if (!resource.type.endsWith("ghes-oauth:ScopedToken")) continue;
    const token = resource.outputs?.token;
    const value =
      typeof token === "object" && token !== null && pulumi.runtime.specialSigKey in token
        ? JSON.parse(String((token as { plaintext?: string }).plaintext))
        : token;
    if (typeof value === "string") tokens.set(resource.urn.split("::").pop() ?? resource.urn, value);
  }
  return tokens;
}
