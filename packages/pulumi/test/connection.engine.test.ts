import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

// The resolution order of a connection (argument, stack config, environment) and a connection-only change run
// in-process (connection.harness.test.ts); what needs the engine stays: destroy configures providers from
// the config recorded at the last update.
describe("where a ScopedToken's connection comes from, under the real engine", () => {
  let world: EmulatorWorld;
  const stacks: TestStack[] = [];

  beforeAll(async () => {
    world = await startEmulatorWorld();
  });

  afterAll(async () => {
    for (const stack of stacks) stack.dispose();
    await world?.close();
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
});
