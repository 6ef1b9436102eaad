import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { leanStack, pulumiCommand } from "@ghes-oauth/vitest-preset/lean-stack";
import { LocalWorkspace, type PulumiFn, type Stack } from "@pulumi/pulumi/automation/index.js";

/** This package's directory: the policy pack (PulumiPolicy.yaml, package.json main = the built pack). */
export const policyPackDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Writes a policy config file (Pulumi's format) to a temp dir; returns its path. */
export function writePolicyConfig(config: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "ghes-oauth-policy-config-"));
  const file = join(dir, "policy-config.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export interface PolicyStack {
  stack: Stack;
  env: Record<string, string>;
  /** Everything the engine printed so far, for the assertions and the secrets search. */
  output(): string;
  /** `pulumi preview` with the pack and `configFile` (none: the pack's defaults): whether it failed, and what it printed. */
  preview(configFile?: string): Promise<{ failed: boolean; output: string }>;
  /** `pulumi up` with the pack and `configFile`. */
  up(configFile: string): Promise<{ failed: boolean; output: string }>;
  dispose(): Promise<void>;
}

/**
 * A stack (local file backend, passphrase secrets) running `program` inline in this package's directory,
 * so the dynamic-provider host resolves @ghes-oauth/pulumi from here as a user's project would.
 */
export async function createPolicyStack(
  program: PulumiFn,
  config: Record<string, { value: string; secret?: boolean }>,
  extraEnv: Record<string, string> = {},
): Promise<PolicyStack> {
  mkdirSync(join(policyPackDir, ".pulumi"), { recursive: true });
  const workDir = mkdtempSync(join(policyPackDir, ".pulumi", "work-"));
  const backendDir = mkdtempSync(join(tmpdir(), "ghes-oauth-policy-backend-"));
  const env = {
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: "ghes-oauth-tests",
    ...extraEnv,
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "test", projectName: "policy-tests", program },
    { workDir, envVars: env, secretsProvider: "passphrase", pulumiCommand: await pulumiCommand() },
  );
  leanStack(stack);
  await stack.setAllConfig(config);
  let output = "";
  const onOutput = (chunk: string) => {
    output += chunk;
  };
  const run = async (operation: "preview" | "up", configFile: string | undefined) => {
    const start = output.length;
    const options = {
      policyPacks: [policyPackDir],
      ...(configFile !== undefined && { policyPackConfigs: [configFile] }),
      onOutput,
    };
    try {
      await (operation === "preview" ? stack.preview(options) : stack.up(options));
      return { failed: false, output: output.slice(start) };
    } catch (error) {
      // The engine's own text (stdout/stderr of the CLI) is in the error: keep it for the search too.
      output += `\n${error instanceof Error ? error.message : String(error)}`;
      return { failed: true, output: output.slice(start) };
    }
  };
  return {
    stack,
    env,
    output: () => output,
    preview: (configFile) => run("preview", configFile),
    up: (configFile) => run("up", configFile),
    dispose: async () => {
      await stack.destroy({ onOutput }).catch(() => undefined);
      rmSync(workDir, { recursive: true, force: true });
      rmSync(backendDir, { recursive: true, force: true });
    },
  };
}
