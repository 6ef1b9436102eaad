import * as ghes from "@ghes-oauth/provider-sdk";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { exportStackText } from "../../pulumi/test/support/pulumi-cli.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { createTestStack, type TestStack } from "../../pulumi/test/support/test-stack.js";
import { pluginEnv } from "./support/plugin-env.js";

// A TypeScript program on the generated Node.js SDK, run by the real engine, which starts the native
// plugin: an explicit Provider, a UserToken seeded with a refresh token, two ScopedTokens minted from
// it; up, refresh, a renewal (the emulator's clock 7 h on: within renewBefore), destroy.
describe("the native provider from TypeScript (generated nodejs SDK)", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let seed: string;
  /** Every token value seen (seed, user pairs, scoped tokens) and the client secret. */
  const secrets = new Set<string>();
  const collect = (outputs: Record<string, { value: unknown }>) => {
    for (const name of ["userAccessToken", "userRefreshToken", "readerToken", "writerToken"]) {
      secrets.add(String(outputs[name]?.value));
    }
  };

  const program = () => async () => {
    const provider = new ghes.Provider("acme-app", {
      baseUrl: world.emulator.apiUrl,
      clientId: world.app.client_id,
      clientSecret: pulumi.secret(world.app.client_secret),
    });
    const user = new ghes.UserToken("octocat", { refreshToken: seed, renewBefore: "2h" }, { provider });
    const reader = new ghes.ScopedToken(
      "reader",
      {
        accessToken: user.accessToken,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
        renewBefore: "2h",
      },
      { provider },
    );
    const writer = new ghes.ScopedToken(
      "writer",
      {
        accessToken: user.accessToken,
        targetId: world.org.id,
        permissions: { issues: "write" },
        renewBefore: "2h",
      },
      { provider },
    );
    return {
      userAccessToken: user.accessToken,
      userRefreshToken: user.refreshToken,
      userLogin: user.userLogin,
      readerToken: reader.token,
      readerLastEight: reader.tokenLastEight,
      readerSelection: reader.repositorySelection,
      writerToken: writer.token,
      writerPermissions: writer.grantedPermissions,
    };
  };

  /** The world's own sign-in (world.userToken), made before this stack: not the stack's to revoke. */
  let outside = new Set<string>();
  const live = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => !outside.has(token.hashed_token));
  const scoped = async () => (await live()).filter((token) => token.scoped);

  beforeAll(async () => {
    world = await startEmulatorWorld();
    outside = new Set((await world.admin.liveTokens(world.app.client_id)).map((token) => token.hashed_token));
    seed = (await world.signIn()).refreshToken ?? "";
    testStack = await createTestStack(program(), {}, pluginEnv());
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  it("up trades the seed for a user token and mints two scoped tokens from it; tokens are secrets", async () => {
    expect(seed).toMatch(/^ghr_/);
    secrets.add(seed).add(world.app.client_secret);
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    collect(up.outputs);
    expect(up.summary.result).toBe("succeeded");
    for (const name of ["userAccessToken", "userRefreshToken", "readerToken", "writerToken"]) {
      expect(up.outputs[name]?.secret, name).toBe(true);
    }
    expect(up.outputs.userAccessToken?.value).toMatch(/^ghu_/);
    expect(up.outputs.userRefreshToken?.value).not.toBe(seed);
    expect(up.outputs.userLogin?.value).toBe("octocat");
    expect(up.outputs.readerToken?.value).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(up.outputs.readerLastEight?.value).toBe(String(up.outputs.readerToken?.value).slice(-8));
    expect(up.outputs.readerSelection?.value).toBe("selected");
    expect(up.outputs.writerPermissions?.value).toMatchObject({ issues: "write" });
    expect(await scoped()).toHaveLength(2);
    const deployment = (await testStack.stack.exportStack()).deployment;
    const types = deployment.resources.map((resource: { type: string }) => resource.type);
    expect(types).toContain("pulumi:providers:ghes-oauth");
    expect(types).toContain("ghes-oauth:index:UserToken");
    expect(types.filter((type: string) => type === "ghes-oauth:index:ScopedToken")).toHaveLength(2);
  });

  it("refresh finds every token valid and changes nothing", async () => {
    const refresh = await testStack.stack.refresh({ onOutput: testStack.onOutput });
    expect(refresh.summary.resourceChanges).not.toHaveProperty("delete");
    const preview = await testStack.stack.preview();
    expect(preview.changeSummary).not.toHaveProperty("create");
    expect(preview.changeSummary).not.toHaveProperty("replace");
  });

  it("7 hours later (within renewBefore), up renews the user token and re-mints both scoped tokens", async () => {
    const before = await testStack.stack.outputs();
    await world.admin.advanceClock(7 * 3600);
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    collect(up.outputs);
    expect(up.outputs.userAccessToken?.value).not.toBe(before.userAccessToken?.value);
    expect(up.outputs.userRefreshToken?.value).not.toBe(before.userRefreshToken?.value);
    expect(up.outputs.readerToken?.value).not.toBe(before.readerToken?.value);
    expect(up.outputs.writerToken?.value).not.toBe(before.writerToken?.value);
    expect(await scoped()).toHaveLength(2);
  });

  it("no token, refresh token or the client secret in state or in the CLI's output", async () => {
    expect(secrets.size).toBe(10);
    const exported = await exportStackText(testStack);
    expect(exported).toContain("ciphertext");
    for (const secret of secrets) {
      expect(exported).not.toContain(secret);
      expect(testStack.output()).not.toContain(secret);
    }
  });

  it("destroy revokes every token: none of the stack's tokens (the user token's pair, the scoped ones) is live", async () => {
    expect(await live()).toHaveLength(4);
    await testStack.stack.destroy({ onOutput: testStack.onOutput });
    expect(await live()).toEqual([]);
  });
});
