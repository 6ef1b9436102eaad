import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedTokenContract, secretInputs } from "../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { Lifecycle, providerProcess } from "./support/lifecycle.js";

// The app of this file holds every permission of the emulator's API version (ghes-3.19) at its
// highest level, so only the catalogue decides what a ScopedToken may ask for. The provider runtime is
// driven in-process with the engine's calling conventions (test/support/lifecycle.ts).
describe("ScopedToken permissions come from GitHub's current descriptions", () => {
  let world: EmulatorWorld;
  let args: Record<string, unknown>;
  const scopedToken = () =>
    new Lifecycle(providerProcess("provider-runtime"), { secretInputs: secretInputs(scopedTokenContract) });

  beforeAll(async () => {
    world = await startEmulatorWorld();
    const app = await world.admin.createApp({ name: "everything" });
    await world.admin.createInstallation({ client_id: app.client_id, account: "acme" });
    const { token } = await world.admin.issueUserToken({ client_id: app.client_id, login: "octocat" });
    args = {
      accessToken: token,
      target: "acme",
      connection: {
        baseUrl: world.emulator.apiUrl,
        clientId: app.client_id,
        clientSecret: app.client_secret,
      },
    };
  });

  afterAll(async () => {
    await world?.close();
  });

  async function failedPreview(permissions: Record<string, string>, extra: Record<string, unknown> = {}) {
    await world.admin.clearRequests();
    const { failures } = await scopedToken().preview({ ...args, ...extra, permissions });
    expect(failures.length, "preview should fail").toBeGreaterThan(0);
    expect((await world.admin.requests()).filter((r) => r.path.includes("/applications/"))).toEqual([]);
    return failures.map((failure) => failure.reason).join("\n");
  }

  it("mints a token with permissions the 2022 reference lacked (secrets, environments, dependabot_secrets)", async () => {
    const token = scopedToken();
    const { outs } = await token.up({
      ...args,
      permissions: {
        environments: "write",
        secrets: "write",
        dependabot_secrets: "write",
        codespaces: "read",
      },
    });
    expect(outs.grantedPermissions).toEqual({
      environments: "write",
      secrets: "write",
      dependabot_secrets: "write",
      codespaces: "read",
    });
    await token.destroy();
  });

  it("a level the permission does not allow fails at preview, listing the levels it does", async () => {
    expect(await failedPreview({ workflows: "read" })).toContain('"workflows" accepts only "write"');
    expect(await failedPreview({ organization_plan: "write" })).toContain(
      '"organization_plan" accepts only "read"',
    );
    expect(await failedPreview({ secrets: "admin" })).toContain('"secrets" accepts "read" or "write"');
  });

  it("an unknown name fails at preview with the closest known one", async () => {
    expect(await failedPreview({ dependabot_secret: "write" })).toContain(
      'did you mean "dependabot_secrets"?',
    );
  });

  it("allowUnknownPermissions passes a name this release lacks to the server, which judges it at up", async () => {
    const permissions = { contents: "read", telepathy: "read" };
    expect(await failedPreview(permissions)).toContain('unknown permission "telepathy"');
    expect(await failedPreview(permissions, { allowUnknownPermissions: "yes" })).toMatch(
      /allowUnknownPermissions\b.*must be true or false/,
    );

    await world.admin.clearRequests();
    const lenient = scopedToken();
    const preview = await lenient.preview({ ...args, permissions, allowUnknownPermissions: true });
    expect(preview.plan).toBe("create");
    const up = await lenient.up({ ...args, permissions, allowUnknownPermissions: true }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(String(up?.message)).toContain("unknown permission 'telepathy'");
    const scopeCalls = (await world.admin.requests()).filter((r) => r.path.endsWith("/token/scoped"));
    expect(scopeCalls).toHaveLength(1);
    await lenient.destroy();
  });
});
