import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, type ScopedTokenArgs } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

// The app of this file holds every permission of the emulator's API version (ghes-3.19) at its
// highest level, so only the catalogue decides what a ScopedToken may ask for.
describe("ScopedToken permissions come from GitHub's current descriptions", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let args: Pick<ScopedTokenArgs, "accessToken" | "target" | "connection">;

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
    testStack = await createTestStack(async () => {});
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  async function failedPreview(permissions: Record<string, string>, extra: Partial<ScopedTokenArgs> = {}) {
    await world.admin.clearRequests();
    testStack.setProgram(async () => {
      new ScopedToken("bad", { ...args, ...extra, permissions } as ScopedTokenArgs);
    });
    const failure = await testStack.stack.preview().then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "preview should fail").toBeInstanceOf(Error);
    expect((await world.admin.requests()).filter((r) => r.path.includes("/applications/"))).toEqual([]);
    return String(failure?.message);
  }

  it("mints a token with permissions the 2022 reference lacked (secrets, environments, dependabot_secrets)", async () => {
    testStack.setProgram(async () => {
      const token = new ScopedToken("current", {
        ...args,
        permissions: {
          environments: "write",
          secrets: "write",
          dependabot_secrets: "write",
          codespaces: "read",
        },
      });
      return { granted: token.grantedPermissions };
    });
    const result = await testStack.stack.up();
    expect(result.outputs.granted?.value).toEqual({
      environments: "write",
      secrets: "write",
      dependabot_secrets: "write",
      codespaces: "read",
    });
    await testStack.stack.destroy();
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
    expect(
      await failedPreview(permissions, { allowUnknownPermissions: "yes" as unknown as boolean }),
    ).toMatch(/allowUnknownPermissions\b.*must be true or false/);

    await world.admin.clearRequests();
    testStack.setProgram(async () => {
      new ScopedToken("lenient", { ...args, permissions, allowUnknownPermissions: true } as ScopedTokenArgs);
    });
    const preview = await testStack.stack.preview();
    expect(preview.changeSummary).toEqual({ create: 2 });
    const up = await testStack.stack.up().then(
      () => undefined,
      (error: Error) => error,
    );
    expect(String(up?.message)).toContain("unknown permission 'telepathy'");
    const scopeCalls = (await world.admin.requests()).filter((r) => r.path.endsWith("/token/scoped"));
    expect(scopeCalls).toHaveLength(1);
    await testStack.stack.destroy();
  });
});
