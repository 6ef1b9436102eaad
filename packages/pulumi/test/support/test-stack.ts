import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { leanStack, pulumiCommand } from "@ghes-oauth/vitest-preset/lean-stack";
import { LocalWorkspace, type PulumiFn, type Stack } from "@pulumi/pulumi/automation/index.js";

// Stacks run in the fixture project, which depends on @ghes-oauth/pulumi the way a user's project does.
const projectDir = join(dirname(fileURLToPath(import.meta.url)), "..", "project");

export interface TestStack {
  stack: Stack;
  workDir: string;
  backendDir: string;
  env: Record<string, string>;
  /** Everything the CLI printed, for secret-leak checks. */
  output(): string;
  onOutput: (chunk: string) => void;
  setProgram(program: PulumiFn): void;
  dispose(): void;
}

/** A stack with a local file backend and passphrase secrets, running `program` inline. */
export async function createTestStack(
  program: PulumiFn,
  config: Record<string, { value: string; secret?: boolean }> = {},
  extraEnv: Record<string, string> = {},
): Promise<TestStack> {
  mkdirSync(join(projectDir, ".pulumi"), { recursive: true });
  const workDir = mkdtempSync(join(projectDir, ".pulumi", "work-"));
  const backendDir = mkdtempSync(join(tmpdir(), "ghes-oauth-pulumi-backend-"));
  const env = {
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: "ghes-oauth-tests",
    ...extraEnv,
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "test", projectName: "scoped-token-tests", program },
    { workDir, envVars: env, secretsProvider: "passphrase", pulumiCommand: await pulumiCommand() },
  );
  leanStack(stack);
  await stack.setAllConfig(config);
  let output = "";
  const onOutput = (chunk: string) => {
    output += chunk;
  };
  return {
    stack,
    workDir,
    backendDir,
    env,
    output: () => output,
    onOutput,
    setProgram: (next) => {
      stack.workspace.program = next;
    },
    dispose: () => {
      rmSync(workDir, { recursive: true, force: true });
      rmSync(backendDir, { recursive: true, force: true });
    },
  };
}
