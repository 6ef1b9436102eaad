import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createInstalledProject } from "./support/installed-project.js";

const execFileAsync = promisify(execFile);
const here = import.meta.dirname;
const readManifest = (path: string) =>
  JSON.parse(readFileSync(join(here, path), "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
const pinnedSdk = (fixture: string) =>
  readManifest(`sdk-range/${fixture}/package.json`).dependencies?.["@pulumi/pulumi"];
const OLDEST = pinnedSdk("oldest") as string;
const NEWEST = pinnedSdk("newest") as string;

interface RunnerResult {
  sdkVersion: string;
  sameSdk: boolean;
  upCreated: number;
  hashedToken: string;
  type: string;
  refreshResult: string;
  refreshChanges: Record<string, number>;
  destroyDeleted: number;
}

describe("the supported @pulumi/pulumi range", () => {
  it("starts at the oldest version tested", () => {
    expect(readManifest("../package.json").peerDependencies?.["@pulumi/pulumi"]).toBe(`^${OLDEST}`);
  });
});

// A user's project installs the packed package next to its own @pulumi/pulumi: the package's peer
// dependency resolves to that one copy, and the engine runs up, refresh and destroy through it.
describe.each([OLDEST, NEWEST])("ScopedToken in a project on @pulumi/pulumi %s", (version) => {
  let world: EmulatorWorld;
  let project: string;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    project = createInstalledProject(
      { "runner.mjs": readFileSync(join(here, "sdk-range/runner.mjs"), "utf8") },
      version,
    );
  });

  afterAll(async () => {
    if (project) rmSync(project, { recursive: true, force: true });
    await world?.close();
  });

  it("mints on up, checks on refresh and revokes on destroy, with one SDK copy", async () => {
    const { stdout } = await execFileAsync(process.execPath, ["runner.mjs"], {
      cwd: project,
      env: {
        ...process.env,
        SDK_RANGE_API_URL: world.emulator.apiUrl,
        SDK_RANGE_CLIENT_ID: world.app.client_id,
        SDK_RANGE_CLIENT_SECRET: world.app.client_secret,
        SDK_RANGE_USER_TOKEN: world.userToken,
      },
      maxBuffer: 64 * 1024 * 1024,
      // An SDK that cannot serialize the provider leaves the update hanging: fail well before the test times out.
      timeout: 150_000,
    });
    const result = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as RunnerResult;
    expect(result).toMatchObject({
      sdkVersion: version,
      sameSdk: true,
      upCreated: 2, // the stack and the token
      type: "pulumi-nodejs:dynamic/ghes-oauth:ScopedToken",
      refreshResult: "succeeded",
      refreshChanges: { same: 2 },
      destroyDeleted: 2,
    });
    expect(result.hashedToken).toMatch(/^[0-9a-f]{64}$/);
    const calls = (await world.admin.requests())
      .filter((r) => r.path.includes("/applications/"))
      .map((r) => `${r.method} ${r.path.replace(world.app.client_id, "APP")} ${r.status}`);
    expect(calls).toEqual([
      "POST /api/v3/applications/APP/token/scoped 200",
      "POST /api/v3/applications/APP/token 200",
      "DELETE /api/v3/applications/APP/token 204",
    ]);
    const live = await world.admin.liveTokens(world.app.client_id);
    expect(live.filter((token) => token.scoped)).toEqual([]);
  });
});
