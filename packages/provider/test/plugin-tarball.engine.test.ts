import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as ghes from "@ghes-oauth/provider-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { createTestStack, type TestStack } from "../../pulumi/test/support/test-stack.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

// The distribution path: the tarball from `pnpm run pack-plugin`, installed with `pulumi plugin install
// resource ghes-oauth <version> --file`, is what the engine runs when no plugin is on PATH.
describe("the plugin tarball, installed with pulumi plugin install --file", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  const pulumiHome = mkdtempSync(join(tmpdir(), "ghes-oauth-plugin-home-"));
  const env = {
    PULUMI_HOME: pulumiHome,
    PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };

  beforeAll(async () => {
    world = await startEmulatorWorld();
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
    rmSync(pulumiHome, { recursive: true, force: true });
  });

  it("installs, and pulumi package get-schema on it returns schema.json", () => {
    const tarball = execFileSync("node", [join(packageDir, "scripts/pack-plugin.mjs")], {
      encoding: "utf8",
    }).trim();
    expect(tarball).toMatch(/pulumi-resource-ghes-oauth-v0\.1\.0\.tar\.gz$/);
    const cli = (args: string[]) =>
      execFileSync("pulumi", args, { encoding: "utf8", cwd: tmpdir(), env: { ...process.env, ...env } });
    cli(["plugin", "install", "resource", "ghes-oauth", "0.1.0", "--file", tarball]);
    expect(cli(["plugin", "ls"])).toMatch(/ghes-oauth\s+resource\s+0\.1\.0/);
    const schema = JSON.parse(cli(["package", "get-schema", "ghes-oauth@0.1.0"]));
    expect(Object.keys(schema.resources)).toContain("ghes-oauth:index:ScopedToken");
  });

  it("a stack runs on the installed plugin: up mints, destroy revokes", async () => {
    testStack = await createTestStack(
      async () => {
        const token = new ghes.ScopedToken("installed", {
          accessToken: world.userToken,
          target: "acme",
          permissions: { contents: "read" },
        });
        return { lastEight: token.tokenLastEight };
      },
      world.connectionConfig,
      env,
    );
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(up.outputs.lastEight?.value).toHaveLength(8);
    expect(testStack.output()).not.toContain("from $PATH");
    const scoped = async () => (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped);
    expect(await scoped()).toHaveLength(1);
    await testStack.stack.destroy({ onOutput: testStack.onOutput });
    expect(await scoped()).toEqual([]);
  });
});
