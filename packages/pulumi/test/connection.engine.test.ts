import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const scopedCount = async (world: EmulatorWorld) =>
  (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped).length;

describe("where a ScopedToken's connection comes from", () => {
  let world: EmulatorWorld;
  const stacks: TestStack[] = [];

  beforeAll(async () => {
    world = await startEmulatorWorld();
  });

  afterAll(async () => {
    for (const stack of stacks) stack.dispose();
    await world?.close();
  });

  /** One token: up mints it with the connection under test, destroy revokes it with the same. */
  async function expectMintsAndRevokes(testStack: TestStack) {
    stacks.push(testStack);
    const up = await testStack.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    expect(await scopedCount(world)).toBe(1);
    await testStack.stack.destroy();
    expect(await scopedCount(world)).toBe(0);
  }

  it("falls back to GHES_OAUTH_* in the environment when there is no argument and no stack config", async () => {
    const testStack = await createTestStack(
      async () => {
        new ScopedToken("fromEnv", {
          accessToken: world.userToken,
          target: "acme",
          permissions: { contents: "read" },
        });
      },
      {},
      {
        GHES_OAUTH_BASE_URL: world.emulator.apiUrl,
        GHES_OAUTH_CLIENT_ID: world.app.client_id,
        GHES_OAUTH_CLIENT_SECRET: world.app.client_secret,
      },
    );
    await expectMintsAndRevokes(testStack);
  });

  it("prefers the connection argument over stack config, field for field over the environment", async () => {
    const testStack = await createTestStack(
      async () => {
        new ScopedToken("fromArgs", {
          accessToken: world.userToken,
          target: "acme",
          permissions: { contents: "read" },
          connection: {
            baseUrl: world.emulator.apiUrl,
            clientId: world.app.client_id,
            clientSecret: world.app.client_secret,
          },
        });
      },
      {
        ...world.connectionConfig,
        "ghes-oauth:clientSecret": { value: "0".repeat(40), secret: true },
      },
      { GHES_OAUTH_CLIENT_SECRET: "1".repeat(40) },
    );
    await expectMintsAndRevokes(testStack);
  });

  it("a change of the connection argument alone updates state in place without calling the API", async () => {
    const program = (baseUrl: string) => async () => {
      const token = new ScopedToken("movable", {
        accessToken: world.userToken,
        target: "acme",
        permissions: { contents: "read" },
        connection: { baseUrl, clientId: world.app.client_id, clientSecret: world.app.client_secret },
      });
      return { token: token.token };
    };
    const testStack = await createTestStack(program(world.emulator.apiUrl));
    stacks.push(testStack);
    const first = await testStack.stack.up();
    await world.admin.clearRequests();

    testStack.setProgram(program(`${world.emulator.apiUrl}/`));
    const moved = await testStack.stack.up();
    expect(moved.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(moved.outputs.token?.value).toBe(first.outputs.token?.value);
    expect((await world.admin.requests()).filter((r) => r.path.includes("/applications/"))).toEqual([]);

    await testStack.stack.destroy();
    expect(await scopedCount(world)).toBe(0);
  });

  // `pulumi destroy` configures providers from the config recorded at the last update, so after rotating
  // the secret a user runs `pulumi up` (which changes no token) or `pulumi destroy --run-program`.
  it.each([
    { how: "pulumi up, then pulumi destroy", upFirst: true, runProgram: false },
    { how: "pulumi destroy --run-program", upFirst: false, runProgram: true },
  ])(
    "revokes with the app's rotated client secret from stack config: $how",
    async ({ upFirst, runProgram }) => {
      const app = await world.admin.createApp({
        name: `rotating-${runProgram}`,
        permissions: { contents: "read" },
      });
      await world.admin.createInstallation({ client_id: app.client_id, account: "acme" });
      const { token: userToken } = await world.admin.issueUserToken({
        client_id: app.client_id,
        login: "octocat",
      });
      const testStack = await createTestStack(
        async () => {
          new ScopedToken("rotating", {
            accessToken: userToken,
            target: "acme",
            permissions: { contents: "read" },
          });
        },
        {
          "ghes-oauth:baseUrl": { value: world.emulator.apiUrl },
          "ghes-oauth:clientId": { value: app.client_id },
          "ghes-oauth:clientSecret": { value: app.client_secret, secret: true },
        },
      );
      stacks.push(testStack);
      await testStack.stack.up();
      const live = async () => (await world.admin.liveTokens(app.client_id)).filter((t) => t.scoped).length;
      expect(await live()).toBe(1);

      const rotated = await world.admin.rotateClientSecret(app.client_id);
      await testStack.stack.setConfig("ghes-oauth:clientSecret", {
        value: rotated.client_secret,
        secret: true,
      });
      if (upFirst) {
        const up = await testStack.stack.up();
        expect(up.summary.resourceChanges).toEqual({ same: 2 });
        expect(await live()).toBe(1);
      }
      const destroyed = await testStack.stack.destroy({ runProgram });
      // With --run-program the engine also counts the program's registrations as "same".
      expect(destroyed.summary.resourceChanges).toMatchObject({ delete: 2 });
      expect(await live()).toBe(0);
    },
  );

  it("stack config wins over the environment, so a wrong secret there is caught at apply", async () => {
    const testStack = await createTestStack(
      async () => {
        new ScopedToken("fromConfig", {
          accessToken: world.userToken,
          target: "acme",
          permissions: { contents: "read" },
        });
      },
      { ...world.connectionConfig, "ghes-oauth:clientSecret": { value: "0".repeat(40), secret: true } },
      { GHES_OAUTH_CLIENT_SECRET: world.app.client_secret },
    );
    stacks.push(testStack);
    const failure = await testStack.stack.up().catch((error: Error) => error);
    expect(String((failure as Error).message)).toMatch(/404 Not Found.*wrong client ID or secret/s);
    expect(String((failure as Error).message)).not.toContain("0".repeat(40));
    expect(await scopedCount(world)).toBe(0);
  });
});
