import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isCredentialProbe } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
import { pluginEnv } from "./support/plugin-env.js";

const goModule = join(dirname(fileURLToPath(import.meta.url)), "go");

/** Runs `go test` in test/go (GOFLAGS=-trimpath: the Pulumi CLI's build cache is then reused). */
function goTest(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("go", ["test", "-count=1", "-v", "-timeout=15m", "./..."], {
      cwd: goModule,
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

// The Go program itself (test/go/lifecycle_test.go) runs the lifecycle through Go's Automation API;
// this starts the emulator it talks to and checks what it left behind.
describe("the native provider from Go (generated Go SDK, Go Automation API)", () => {
  let world: EmulatorWorld;

  beforeAll(async () => {
    world = await startEmulatorWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it("Go is installed (the Go SDK cannot be tested without it)", () => {
    const version = spawnSync("go", ["version"], { encoding: "utf8" });
    expect(version.error, "`go` is not on PATH: install Go 1.22+ to run the Go SDK test").toBeUndefined();
    expect(version.stdout).toMatch(/^go version go1\.\d+/);
  });

  it("go test: explicit Provider, a UserToken, two ScopedTokens, a ScopedTokenSet; up, refresh, renewal, destroy", async () => {
    // The world's own sign-in (world.userToken) is not the stack's: it stays.
    const outside = new Set((await world.admin.liveTokens(world.app.client_id)).map((t) => t.hashed_token));
    const seed = await world.signIn();
    const { code, output } = await goTest({
      ...pluginEnv(),
      GHES_TEST_API_URL: world.emulator.apiUrl,
      GHES_TEST_ADMIN_URL: world.emulator.url,
      GHES_TEST_CLIENT_ID: world.app.client_id,
      GHES_TEST_CLIENT_SECRET: world.app.client_secret,
      GHES_TEST_REFRESH_TOKEN: seed.refreshToken ?? "",
      GHES_TEST_ORG_ID: String(world.org.id),
    });
    expect(output, "go test output").toContain("--- PASS: TestGoProgramLifecycle");
    expect(code, output.slice(-4000)).toBe(0);
    expect(output, "the Go test printed a secret").not.toContain(world.app.client_secret);
    expect(output).not.toContain(seed.refreshToken);

    const requests = await world.admin.requests();
    const calls = (path: string) =>
      requests.filter(
        (request) => request.method === "POST" && request.path.endsWith(path) && !isCredentialProbe(request),
      ).length;
    expect(calls("/token/scoped"), "scoped tokens minted: 2 + 2 (set) at up, as many at the renewal").toBe(8);
    expect(calls("/login/oauth/access_token"), "refresh grants: the seed, then the renewal").toBe(2);
    const left = (await world.admin.liveTokens(world.app.client_id)).filter(
      (t) => !outside.has(t.hashed_token),
    );
    expect(left, "none of the stack's tokens is live").toEqual([]);
  });
});
