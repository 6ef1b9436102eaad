import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { pulumiCli } from "@ghes-oauth/vitest-preset/pulumi-cli";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Greeting } from "../src/greeting.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("Pulumi engine smoke test (real CLI, local file backend, passphrase secrets)", () => {
  // The secret is a real user token of the shared test world, as the ghes-oauth resources will carry.
  let world: SeededEmulator;
  let secret: string;
  // The work dir lives inside this package so the dynamic-provider host resolves @pulumi/pulumi from it.
  mkdirSync(join(packageDir, ".pulumi"), { recursive: true });
  const workDir = mkdtempSync(join(packageDir, ".pulumi", "work-"));
  const backendDir = mkdtempSync(join(tmpdir(), "ghes-oauth-smoke-backend-"));
  const env = { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: "engine-smoke" };
  let stack: Stack;
  let output = "";

  beforeAll(async () => {
    world = await startSeededEmulator();
    secret = world.userToken.token;
    const version = (await pulumiCli(["version"], { cwd: workDir, env })).trim();
    console.log(`engine smoke: using Pulumi CLI ${version}`);
    stack = await LocalWorkspace.createOrSelectStack(
      {
        stackName: "smoke",
        projectName: "engine-smoke",
        program: async () => {
          const greeting = new Greeting("greeting", { name: "world", secret: pulumi.secret(secret) });
          return { message: greeting.message, secretEcho: greeting.secretEcho };
        },
      },
      { workDir, envVars: env, secretsProvider: "passphrase" },
    );
  });

  afterAll(async () => {
    await world?.close();
    rmSync(workDir, { recursive: true, force: true });
    rmSync(backendDir, { recursive: true, force: true });
  });

  it("pulumi up creates the dynamic resource", async () => {
    const result = await stack.up({ onOutput: (chunk) => (output += chunk) });
    console.log("engine smoke: pulumi up --yes:", JSON.stringify(result.summary.resourceChanges));
    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toEqual({ create: 2 });
    expect(result.outputs.message?.value).toBe("hello world");
    expect(result.outputs.secretEcho?.secret).toBe(true);
  });

  it("pulumi stack export holds the resource and the secret only as ciphertext", async () => {
    const exported = await pulumiCli(["stack", "export", "--stack", "smoke"], { cwd: workDir, env });
    const deployment = JSON.parse(exported).deployment as {
      resources: { type: string; outputs?: Record<string, unknown> }[];
    };
    const greeting = deployment.resources.find((r) => r.type === "pulumi-nodejs:dynamic:Resource");
    expect(greeting?.outputs?.message).toBe("hello world");
    expect(greeting?.outputs?.secretEcho).toMatchObject({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
    });
    expect(greeting?.outputs?.secretEcho).toHaveProperty("ciphertext");
    expect(secret).toMatch(/^ghu_/);
    expect(exported).not.toContain(secret);
    expect(output).not.toContain(secret);
  });

  it("pulumi destroy removes it", async () => {
    const result = await stack.destroy({ onOutput: (chunk) => (output += chunk) });
    console.log("engine smoke: pulumi destroy --yes:", JSON.stringify(result.summary.resourceChanges));
    expect(result.summary.resourceChanges).toEqual({ delete: 2 });
    const exported = JSON.parse(
      await pulumiCli(["stack", "export", "--stack", "smoke"], { cwd: workDir, env }),
    );
    expect(exported.deployment.resources ?? []).toHaveLength(0);
  });
});
