import * as ghes from "@ghes-oauth/provider-sdk";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
import { createTestStack, type TestStack } from "../../pulumi/test/support/test-stack.js";
import { pluginEnv } from "./support/plugin-env.js";

// A TypeScript program on the generated Node.js SDK, run by the real engine, which starts the native
// plugin: an explicit Provider, two ScopedTokens, up, refresh, renewal after the emulator's clock moved
// past expiry, destroy.
describe("the native provider from TypeScript (generated nodejs SDK)", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;

  const program = () => async () => {
    const provider = new ghes.Provider("acme-app", {
      baseUrl: world.emulator.apiUrl,
      clientId: world.app.client_id,
      clientSecret: pulumi.secret(world.app.client_secret),
    });
    const reader = new ghes.ScopedToken(
      "reader",
      {
        accessToken: world.userToken,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
      },
      { provider },
    );
    const writer = new ghes.ScopedToken(
      "writer",
      { accessToken: world.userToken, targetId: world.org.id, permissions: { issues: "write" } },
      { provider },
    );
    return {
      readerToken: reader.token,
      readerLastEight: reader.tokenLastEight,
      readerSelection: reader.repositorySelection,
      writerToken: writer.token,
      writerPermissions: writer.grantedPermissions,
    };
  };

  beforeAll(async () => {
    world = await startEmulatorWorld();
    testStack = await createTestStack(program(), {}, pluginEnv());
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  const live = async () => (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped);

  it("up mints two scoped tokens through the plugin; token outputs are secrets", async () => {
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.readerToken?.secret).toBe(true);
    expect(up.outputs.readerToken?.value).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(up.outputs.readerLastEight?.value).toBe(String(up.outputs.readerToken?.value).slice(-8));
    expect(up.outputs.readerSelection?.value).toBe("selected");
    expect(up.outputs.writerPermissions?.value).toMatchObject({ issues: "write" });
    expect(await live()).toHaveLength(2);
    const deployment = (await testStack.stack.exportStack()).deployment;
    const types = deployment.resources.map((resource: { type: string }) => resource.type);
    expect(types).toContain("pulumi:providers:ghes-oauth");
    expect(types.filter((type: string) => type === "ghes-oauth:index:ScopedToken")).toHaveLength(2);
  });

  it("refresh finds both tokens valid and changes nothing", async () => {
    const refresh = await testStack.stack.refresh({ onOutput: testStack.onOutput });
    expect(refresh.summary.resourceChanges).not.toHaveProperty("delete");
    const preview = await testStack.stack.preview();
    expect(preview.changeSummary).not.toHaveProperty("create");
    expect(preview.changeSummary).not.toHaveProperty("update");
  });

  it("after the tokens expire (emulator clock +9 h), refresh drops them and up mints new ones", async () => {
    const before = (await testStack.stack.outputs()).readerToken?.value;
    await world.admin.advanceClock(9 * 3600);
    // The parent user token expired too: a fresh sign-in, as the user would bring one.
    world.userToken = (
      await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" })
    ).token;
    testStack.setProgram(program());
    const refresh = await testStack.stack.refresh({ onOutput: testStack.onOutput });
    expect(refresh.summary.resourceChanges?.delete).toBe(2);
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(up.summary.resourceChanges?.create).toBe(2);
    expect(up.outputs.readerToken?.value).not.toBe(before);
    expect(await live()).toHaveLength(2);
  });

  it("destroy revokes every token", async () => {
    expect(await live()).toHaveLength(2);
    await testStack.stack.destroy({ onOutput: testStack.onOutput });
    expect(await live()).toEqual([]);
  });
});
