// The plugin as Pulumi users get it: the linux-amd64 standalone executable (Node SEA) from its release
// archive, served over loopback HTTP as a plugin download URL. The engine installs it into an empty
// PULUMI_HOME, through `pulumi plugin install --server` and by itself during `pulumi up`, and runs it
// with no `node` anywhere on PATH.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as ghes from "@ghes-oauth/provider-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { exportStackText } from "../../pulumi/test/support/pulumi-cli.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { createTestStack, type TestStack } from "../../pulumi/test/support/test-stack.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
const archive = `pulumi-resource-ghes-oauth-v${version}-linux-amd64.tar.gz`;

/** PATH with the Pulumi CLI's directory alone: no node, no system directory that holds one. */
const pulumiDir = dirname(execFileSync("sh", ["-c", "command -v pulumi"], { encoding: "utf8" }).trim());
const nodeFreePath = pulumiDir;

describe("the standalone plugin, downloaded by the engine and run without Node.js", () => {
  const artifacts = mkdtempSync(join(tmpdir(), "ghes-oauth-artifacts-"));
  const homes: string[] = [];
  const requests: string[] = [];
  let server: Server;
  let serverUrl: string;
  let world: EmulatorWorld;
  let testStack: TestStack | undefined;

  const emptyPulumiHome = () => {
    const home = mkdtempSync(join(tmpdir(), "ghes-oauth-pulumi-home-"));
    homes.push(home);
    return home;
  };
  /** The plugin directories in `home` (the engine also writes .lock and .lastused files beside them). */
  const installedPlugins = (home: string) =>
    existsSync(join(home, "plugins"))
      ? readdirSync(join(home, "plugins")).filter((name) =>
          statSync(join(home, "plugins", name)).isDirectory(),
        )
      : [];

  beforeAll(async () => {
    execFileSync(
      "node",
      [join(packageDir, "scripts/build-plugins.mjs"), "--out", artifacts, "--platforms", "linux-amd64"],
      {
        stdio: ["ignore", "ignore", "ignore"],
      },
    );
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      const file = join(artifacts, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
      if (!file.startsWith(artifacts) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/gzip", "content-length": statSync(file).size });
      response.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    world = await startEmulatorWorld();
  }, 600_000);

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
    await new Promise((resolve) => server?.close(resolve));
    for (const dir of [artifacts, ...homes]) rmSync(dir, { recursive: true, force: true });
  });

  it("the PATH the engine gets has no node on it", () => {
    expect(() => execFileSync("sh", ["-c", "command -v node"], { env: { PATH: nodeFreePath } })).toThrow();
    expect(existsSync(join(artifacts, archive))).toBe(true);
  });

  it("pulumi plugin install resource ghes-oauth <version> --server <url> downloads the archive and installs it", async () => {
    const home = emptyPulumiHome();
    // Asynchronous: the artifacts server runs in this process and must answer the CLI meanwhile.
    const cli = async (args: string[]) =>
      (
        await promisify(execFile)("pulumi", args, {
          encoding: "utf8",
          cwd: tmpdir(),
          env: { PATH: nodeFreePath, HOME: home, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" },
        })
      ).stdout;
    await cli(["plugin", "install", "resource", "ghes-oauth", version, "--server", serverUrl]);
    expect(requests).toContain(`GET /${archive}`);
    expect(await cli(["plugin", "ls"])).toMatch(
      new RegExp(`ghes-oauth\\s+resource\\s+${version.replaceAll(".", "\\.")}`),
    );
    const schema = JSON.parse(await cli(["package", "get-schema", `ghes-oauth@${version}`]));
    expect(schema.version).toBe(version);
    expect(schema.pluginDownloadURL).toBe("github://api.github.com/ghes-oauth/ghes-oauth");
  });

  it("pulumi up in an empty PULUMI_HOME downloads the plugin from pluginDownloadURL, mints; destroy revokes", async () => {
    const home = emptyPulumiHome();
    requests.length = 0;
    testStack = await createTestStack(
      async () => {
        const provider = new ghes.Provider(
          "acme-app",
          {
            baseUrl: world.connection.baseUrl,
            clientId: world.connection.clientId,
            clientSecret: world.connection.clientSecret,
          },
          { pluginDownloadURL: serverUrl },
        );
        const token = new ghes.ScopedToken(
          "standalone",
          { accessToken: world.userToken, target: "acme", permissions: { contents: "read" } },
          { provider },
        );
        return { lastEight: token.tokenLastEight, token: token.token };
      },
      {},
      { PATH: nodeFreePath, PULUMI_HOME: home, PULUMI_IGNORE_AMBIENT_PLUGINS: "true" },
    );
    expect(installedPlugins(home)).toEqual([]);
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(requests).toContain(`GET /${archive}`);
    expect(installedPlugins(home)).toEqual([`resource-ghes-oauth-v${version}`]);
    expect(up.outputs.lastEight?.value).toHaveLength(8);
    expect(up.outputs.token?.secret).toBe(true);
    const scoped = async () => (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped);
    expect(await scoped()).toHaveLength(1);

    const state = await exportStackText(testStack);
    for (const secret of [
      up.outputs.token?.value as string,
      world.userToken,
      world.connection.clientSecret,
    ]) {
      expect(state).not.toContain(secret);
      expect(testStack.output()).not.toContain(secret);
    }

    await testStack.stack.destroy({ onOutput: testStack.onOutput });
    expect(await scoped()).toEqual([]);
  });
});
