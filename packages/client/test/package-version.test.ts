import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StubServer, startStubServer } from "./support/stub-server.js";

const packageDir = join(import.meta.dirname, "..");
const workspaceVersion = (
  JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }
).version;
const BUMPED = "9.8.7-released.1";

// The packed package, installed into a throwaway node_modules, with its package.json then given another
// version, as `changeset version` would give it: the User-Agent must follow the manifest, not a copy.
describe("the version the client reports", () => {
  let dir: string;
  let installed: string;
  let stub: StubServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ghes-oauth-client-packed-"));
    execFileSync("pnpm", ["pack", "--pack-destination", dir], { cwd: packageDir, stdio: "ignore" });
    const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz")) as string;
    installed = join(dir, "node_modules", "@ghes-oauth", "client");
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["-xzf", join(dir, tarball), "-C", installed, "--strip-components=1"]);
    // The installed copy's dependencies, as the workspace resolved them for the package.
    const packed = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const dependency of Object.keys(packed.dependencies)) {
      const link = join(dir, "node_modules", dependency);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(realpathSync(join(packageDir, "node_modules", dependency)), link);
    }
    stub = await startStubServer(() => ({ status: 404, body: JSON.stringify({ message: "Not Found" }) }));
  });

  afterAll(async () => {
    await stub?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("ships no version literal: the built module reads the manifest", () => {
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { version: string };
    expect(manifest.version).toBe(workspaceVersion);
    expect(readFileSync(join(installed, "dist", "version.js"), "utf8")).not.toContain(workspaceVersion);
  });

  it("sends the installed manifest's version in the User-Agent", async () => {
    const manifestPath = join(installed, "package.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: BUMPED }));
    const client = (await import(
      pathToFileURL(join(installed, "dist", "index.js")).href
    )) as typeof import("../src/index.js");
    expect(client.VERSION).toBe(BUMPED);
    const request = (await import(
      pathToFileURL(join(installed, "dist", "request", "index.js")).href
    )) as typeof import("../src/request/index.js");
    expect(request.DEFAULT_USER_AGENT).toBe(`ghes-oauth-client/${BUMPED}`);
    const oauth = new client.OAuthAppClient({
      baseUrl: stub.apiUrl,
      clientId: "Iv1.0123456789abcdef",
      clientSecret: "s3cret",
    });
    await expect(oauth.checkToken("ghu_notARealTokenButWellFormed0000000000")).rejects.toBeInstanceOf(
      client.NotFoundError,
    );
    await oauth.close();
    expect(stub.requests.map((request) => request.headers["user-agent"])).toEqual([
      `ghes-oauth-client/${BUMPED}`,
    ]);
  });
});
