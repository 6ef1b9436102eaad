import * as pulumi from "@pulumi/pulumi";
import type { TestStack } from "./test-stack.js";

interface ExportedResource {
  type: string;
  urn: string;
  outputs?: Record<string, unknown>;
}

export interface StateSecrets {
  /** Each ScopedToken's token, by resource name. */
  scoped: Map<string, string>;
  /** Each UserToken's current pair, by resource name. */
  users: Map<string, { accessToken: string; refreshToken: string }>;
}

const plain = (value: unknown): unknown =>
  typeof value === "object" && value !== null && pulumi.runtime.specialSigKey in value
    ? JSON.parse(String((value as { plaintext?: string }).plaintext))
    : value;

/** The token values held in the stack's state (decrypted in memory, never printed). */
export async function stateSecrets(testStack: TestStack): Promise<StateSecrets> {
  const deployment = await testStack.stack.exportStack();
  const resources = (deployment.deployment.resources ?? []) as ExportedResource[];
  const secrets: StateSecrets = { scoped: new Map(), users: new Map() };
  for (const resource of resources) {
    const name = resource.urn.split("::").pop() ?? resource.urn;
    if (resource.type.endsWith("ghes-oauth:ScopedToken")) {
      secrets.scoped.set(name, String(plain(resource.outputs?.token)));
    } else if (resource.type.endsWith("ghes-oauth:UserToken")) {
      secrets.users.set(name, {
        accessToken: String(plain(resource.outputs?.accessToken)),
        refreshToken: String(plain(resource.outputs?.refreshToken)),
      });
    }
  }
  return secrets;
}
