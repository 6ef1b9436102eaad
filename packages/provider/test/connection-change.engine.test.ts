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

// The case that misleads dynamic-resource users: the app's client secret is rotated. With the native
// provider the secret is the explicit Provider's setting; `pulumi up` with the new one updates the
// provider in place (no token replaced), and `pulumi destroy` then revokes with it.
describe("rotating the app's client secret (explicit Provider)", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let clientSecret: string;
  let seed: string;
  const oldSecrets: string[] = [];

  const program = () => async () => {
    const provider = new ghes.Provider("acme-app", {
      baseUrl: world.emulator.apiUrl,
      clientId: world.app.client_id,
      clientSecret: pulumi.secret(clientSecret),
    });
    const user = new ghes.UserToken("octocat", { refreshToken: seed }, { provider });
    const tokens = ["reader", "writer"].map(
      (name, index) =>
        new ghes.ScopedToken(
          name,
          {
            accessToken: user.accessToken,
            target: "acme",
            permissions: index === 0 ? { contents: "read" } : { issues: "write" },
          },
          { provider },
        ),
    );
    return { hashes: tokens.map((token) => token.hashedToken), user: user.accessToken };
  };

  /** The world's own sign-in (world.userToken), made before this stack: not the stack's to revoke. */
  let outside = new Set<string>();
  const live = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => !outside.has(token.hashed_token));
  const liveScoped = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.scoped);

  beforeAll(async () => {
    world = await startEmulatorWorld();
    clientSecret = world.app.client_secret;
    outside = new Set((await world.admin.liveTokens(world.app.client_id)).map((token) => token.hashed_token));
    seed = (await world.signIn()).refreshToken ?? "";
    testStack = await createTestStack(program(), {}, pluginEnv());
    await testStack.stack.up({ onOutput: testStack.onOutput });
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  it("after the rotation, up with the new secret updates the provider and replaces no token", async () => {
    const outputs = await testStack.stack.outputs();
    const before = outputs.hashes?.value;
    const userBefore = outputs.user?.value;
    expect(await liveScoped()).toHaveLength(2);
    oldSecrets.push(clientSecret);
    clientSecret = (await world.admin.rotateClientSecret(world.app.client_id)).client_secret;
    testStack.setProgram(program());
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(up.summary.resourceChanges).toMatchObject({ update: 1, same: 4 });
    expect(up.summary.resourceChanges).not.toHaveProperty("create");
    expect(up.summary.resourceChanges).not.toHaveProperty("delete");
    expect(up.outputs.hashes?.value).toEqual(before);
    expect(up.outputs.user?.value).toBe(userBefore);
  });

  it("refresh, with the new secret, finds the tokens valid", async () => {
    const refresh = await testStack.stack.refresh({ onOutput: testStack.onOutput });
    expect(refresh.summary.resourceChanges).not.toHaveProperty("delete");
    expect(await liveScoped()).toHaveLength(2);
  });

  it("destroy revokes every token with the new secret: none of the stack's tokens is live", async () => {
    expect(await live()).toHaveLength(4); // the user token's access and refresh tokens, two scoped
    await testStack.stack.destroy({ onOutput: testStack.onOutput });
    expect(await live()).toEqual([]);
  });

  it("neither secret is in state or output", async () => {
    const exported = await exportStackText(testStack);
    for (const secret of [...oldSecrets, clientSecret]) {
      expect(exported).not.toContain(secret);
      expect(testStack.output()).not.toContain(secret);
    }
  });
});
