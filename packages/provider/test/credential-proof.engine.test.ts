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

// The native provider runs the same runtime as the dynamic resources: with a wrong client secret in the
// explicit Provider, up, refresh and destroy fail loudly, the tokens stay in state and live, and the
// right secret then revokes them all.
const WRONG_SECRET = "0badc0ffee0badc0ffee0badc0ffee0badc0ffee";

describe("a wrong client secret in the native Provider never passes for success", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let clientSecret: string;

  const program = () => async () => {
    const provider = new ghes.Provider("acme-app", {
      baseUrl: world.emulator.apiUrl,
      clientId: world.app.client_id,
      clientSecret: pulumi.secret(clientSecret),
    });
    const scope = { target: "acme", permissions: { contents: "read" } };
    new ghes.ScopedToken("first", { accessToken: world.userToken, ...scope }, { provider });
    new ghes.ScopedToken("second", { accessToken: world.userToken, ...scope }, { provider });
    new ghes.ScopedTokenSet(
      "set",
      {
        accessToken: world.userToken,
        scopes: { api: { ...scope, repositories: ["api"] }, web: { ...scope, repositories: ["web"] } },
      },
      { provider },
    );
  };
  const liveScoped = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.scoped).length;
  const failure = (run: Promise<unknown>) =>
    run.then(
      () => "succeeded",
      (error: Error) => error.message,
    );

  beforeAll(async () => {
    world = await startEmulatorWorld();
    clientSecret = world.app.client_secret;
    testStack = await createTestStack(program(), {}, pluginEnv());
  });
  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  it("up, refresh and destroy fail naming the Provider's setting; the 4 tokens stay in state and live; the fix revokes them", async () => {
    await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(await liveScoped()).toBe(4);

    clientSecret = WRONG_SECRET;
    testStack.setProgram(program());
    const run = { onOutput: testStack.onOutput };
    const messages = [
      await failure(testStack.stack.up(run)),
      await failure(testStack.stack.refresh(run)),
      await failure(testStack.stack.destroy(run)),
    ];
    for (const message of messages) {
      expect(message).not.toBe("succeeded");
      expect(message).toMatch(/incorrect_client_credentials/);
      expect(message).toContain("the provider's clientSecret setting");
    }
    const state = JSON.parse(await exportStackText(testStack)).deployment.resources as { type: string }[];
    expect(state.filter((resource) => /ScopedToken(Set)?$/.test(resource.type))).toHaveLength(3);
    expect(await liveScoped()).toBe(4);

    clientSecret = world.app.client_secret;
    testStack.setProgram(program());
    await testStack.stack.up(run);
    await testStack.stack.destroy(run);
    expect(await liveScoped()).toBe(0);
    const exported = await exportStackText(testStack);
    for (const secret of [WRONG_SECRET, world.app.client_secret]) {
      expect(exported).not.toContain(secret);
      expect(testStack.output()).not.toContain(secret);
    }
  });
});
