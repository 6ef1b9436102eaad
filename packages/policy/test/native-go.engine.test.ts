// The same policy config against a Go program of the native resources (generated Go SDK, Go's
// Automation API, the engine starting pulumi-resource-ghes-oauth): the same violations, word for word.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyPackDir, writePolicyConfig } from "./support/policy-stack.js";
import { expectedByPolicy, messagesByPolicy, reportedViolations, teamConfig } from "./support/scenario.js";
import { searchSecrets } from "./support/secrets-search.js";

const goModule = join(dirname(fileURLToPath(import.meta.url)), "go");
const providerBin = join(
  dirname(createRequire(import.meta.url).resolve("@ghes-oauth/provider/package.json")),
  "bin",
);

function goTest(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("go", ["test", "-count=1", "-v", "-timeout=10m", "./..."], {
      cwd: goModule,
      // -trimpath: the Pulumi CLI's build cache is reused.
      env: { ...process.env, ...env, GOFLAGS: "-mod=mod -trimpath" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("the policy pack on the native resources (Go program)", () => {
  let world: SeededEmulator;

  beforeAll(async () => {
    world = await startSeededEmulator({
      world: {
        org: { login: "acme", repositories: ["api", "web", "docs"] },
        app: { permissions: { metadata: "read", contents: "write", issues: "write" } },
      },
    });
    await world.admin.createAccount({ login: "beta", type: "Organization", repositories: ["tools"] });
    await world.admin.createInstallation({
      client_id: world.app.client_id,
      account: "beta",
      repositories: "all",
    });
  });

  afterAll(async () => {
    await world?.close();
  });

  it("every policy mandatory: preview fails with the dynamic program's violations, before any request", async () => {
    const seed = await world.issueUserToken();
    const plain = await world.issueUserToken();
    await world.admin.clearRequests();
    const { code, output } = await goTest({
      PATH: `${providerBin}:${process.env.PATH ?? ""}`,
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      GHES_TEST_API_URL: world.emulator.apiUrl,
      GHES_TEST_CLIENT_ID: world.app.client_id,
      GHES_TEST_CLIENT_SECRET: world.app.client_secret,
      GHES_TEST_REFRESH_TOKEN: seed.refresh_token ?? "",
      GHES_TEST_PLAIN_TOKEN: plain.token,
      GHES_TEST_POLICY_PACK: policyPackDir,
      GHES_TEST_POLICY_CONFIG: writePolicyConfig(teamConfig("mandatory")),
    });
    expect(output, "go test output").toContain("--- PASS: TestPolicyPackOnNativeResources");
    expect(code, output.slice(-4000)).toBe(0);

    const reported = reportedViolations(output);
    expect(reported.map((found) => found.resource)).toContain("ghes-oauth:index:ScopedToken: wide");
    expect(reported.map((found) => found.level)).not.toContain("advisory");
    expect(messagesByPolicy(reported)).toEqual(expectedByPolicy());
    expect(await world.admin.requests(), "token-API requests during the refused preview").toEqual([]);

    const search = searchSecrets([output], {
      "plain rotationTrigger token": plain.token,
      "seed refresh token": seed.refresh_token ?? "",
      "seed access token": seed.token,
      "client secret": world.app.client_secret,
    });
    console.info(
      `secrets search: ${search.searched} output, ${search.secrets} secret values, ${search.hits.length} found`,
    );
    expect(search.hits).toEqual([]);
  });
});
