import {
  API_VERSIONS,
  type ApiVersion,
  DEFAULT_API_VERSION,
  PERMISSION_NAMES,
  type PermissionLevel,
  permissionLevels,
  permissionNamesOf,
} from "@ghes-oauth/github-contract";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { TestEmulator } from "./support/world.js";

const LEVELS: PermissionLevel[] = ["read", "write", "admin"];
/** Permission/level pairs per version, counted from the descriptions' enums. */
const GRANTABLE_PAIRS: Record<ApiVersion, number> = {
  "ghes-3.17": 109,
  "ghes-3.18": 109,
  "ghes-3.19": 113,
  "api.github.com": 110,
};
let emulator: TestEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** An organization with the app installed everywhere, the app holding every permission of the version. */
async function everythingInstalled(version: ApiVersion) {
  emulator = await TestEmulator.start({ apiVersion: version });
  await emulator.account("octocat");
  await emulator.account("acme", "Organization", ["api"]);
  const app = await emulator.app("everything");
  await emulator.install(app, "acme", "all");
  const token = await emulator.issueToken(app, "octocat");
  const running = emulator;
  const scope = (permissions: Record<string, string>) =>
    running.api("POST", `/applications/${app.client_id}/token/scoped`, app, {
      json: { access_token: token, target: "acme", permissions },
    });
  return { app, scope };
}

describe.each(API_VERSIONS)("serving %s", (version) => {
  it("gives a new app every permission of the version at its highest level", async () => {
    const { app } = await everythingInstalled(version);
    const names = permissionNamesOf(version);
    expect(Object.keys(app.permissions).sort()).toEqual(names);
    for (const name of names) expect(app.permissions[name]).toBe(permissionLevels(name).at(-1));
  });

  it("grants every permission at every level it allows", async () => {
    const { scope } = await everythingInstalled(version);
    let granted = 0;
    for (const name of permissionNamesOf(version)) {
      for (const level of permissionLevels(name)) {
        const result = await scope({ [name]: level });
        expect(result.status, `${name}: ${level} ${result.text}`).toBe(200);
        expect(result.body.installation.permissions).toEqual({ [name]: level });
        granted++;
      }
    }
    expect(granted).toBe(GRANTABLE_PAIRS[version]);
  });

  it("refuses, with GitHub's 422, the names other versions have and this one lacks", async () => {
    const { scope } = await everythingInstalled(version);
    const lacking = PERMISSION_NAMES.filter((name) => !permissionNamesOf(version).includes(name));
    expect(lacking.length).toBeGreaterThan(0);
    for (const name of lacking) {
      const result = await scope({ [name]: permissionLevels(name)[0] as string });
      expect(result.status, name).toBe(422);
      expect(result.body.message).toBe("Validation Failed");
      expect(result.body.errors).toEqual([
        expect.objectContaining({ resource: "Installation", field: "permissions", code: "invalid" }),
      ]);
      expect(result.body.errors[0].message).toContain(name);
    }
  });

  it("refuses every level a permission does not allow", async () => {
    const { scope } = await everythingInstalled(version);
    let refused = 0;
    for (const name of permissionNamesOf(version)) {
      for (const level of LEVELS.filter((level) => !(permissionLevels(name) as string[]).includes(level))) {
        const result = await scope({ [name]: level });
        expect(result.status, `${name}: ${level}`).toBe(422);
        expect(result.body.errors[0].message).toBe(`'${name}' accepts ${permissionLevels(name).join(", ")}`);
        refused++;
      }
    }
    expect(refused).toBe(3 * permissionNamesOf(version).length - GRANTABLE_PAIRS[version]);
  });
});

describe("the API version option", () => {
  it("defaults to the newest GHES and reports what it serves", async () => {
    const running = await startEmulator();
    try {
      expect(running.apiVersion).toBe(DEFAULT_API_VERSION);
      expect(running.apiVersion).toBe("ghes-3.19");
    } finally {
      await running.close();
    }
  });

  it("refuses a version it has no description of", async () => {
    await expect(startEmulator({ apiVersion: "ghes-3.2" as ApiVersion })).rejects.toThrow(
      /unknown API version ghes-3\.2/,
    );
  });

  it("an app asking for a permission the version lacks is refused at the admin API too", async () => {
    emulator = await TestEmulator.start({ apiVersion: "api.github.com" });
    await emulator.admin(
      "POST",
      "/apps",
      { name: "x", permissions: { enterprise_administration: "read" } },
      422,
    );
    await emulator.control.createApp({ name: "y", permissions: { codespaces: "write" } });
  });
});
