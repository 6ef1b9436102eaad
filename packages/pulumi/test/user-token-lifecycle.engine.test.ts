import { OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, UserToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;

// The first up as the engine shows it (secret outputs); the lifecycle after it (nothing due, expiry and
// renewal, a new sign-in, an out-of-band revoke) runs in-process in user-token-lifecycle.harness.test.ts.
describe("UserToken lifecycle under the real engine", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let seed: string;

  const program = () => async () => {
    const user = new UserToken("user", { refreshToken: seed });
    const child = new ScopedToken("child", {
      accessToken: user.accessToken,
      target: "acme",
      permissions: { contents: "read" },
    });
    return {
      accessToken: user.accessToken,
      refreshToken: user.refreshToken,
      expiresAt: user.expiresAt,
      refreshTokenExpiresAt: user.refreshTokenExpiresAt,
      userLogin: user.userLogin,
      child: child.token,
    };
  };
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
  const grantCalls = async () =>
    (await world.admin.requests()).filter((request) => request.path.startsWith("/login/"));
  const liveAccess = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.kind === "access").length;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    client = new OAuthAppClient(world.connection);
    await client.deleteToken(world.userToken);
    seed = (await world.signIn()).refreshToken ?? "";
    testStack = await createTestStack(program(), world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("preview plans the create and redeems nothing", async () => {
    await world.admin.clearRequests();
    const preview = await testStack.stack.preview(run);
    expect(preview.changeSummary).toEqual({ create: 3 });
    expect(await grantCalls()).toEqual([]);
  });

  it("up redeems the seed: secret outputs, the user, expiries on the server's clock", async () => {
    const { now } = await world.admin.advanceClock(0);
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ create: 3 });
    for (const name of ["accessToken", "refreshToken", "child"])
      expect(up.outputs[name]?.secret, name).toBe(true);
    expect(up.outputs.accessToken?.value).toMatch(/^ghu_/);
    expect(up.outputs.refreshToken?.value).toMatch(/^ghr_/);
    expect(up.outputs.refreshToken?.value).not.toBe(seed);
    expect(up.outputs.userLogin?.value).toBe("octocat");
    const lifetime = Date.parse(up.outputs.expiresAt?.value) - Date.parse(now);
    expect(Math.abs(lifetime - 8 * HOUR * 1000)).toBeLessThan(60_000);
    const refreshLifetime = Date.parse(up.outputs.refreshTokenExpiresAt?.value) - Date.parse(now);
    expect(Math.abs(refreshLifetime - 15_897_600 * 1000)).toBeLessThan(60_000);
    const reuse = await client.refreshToken(seed).catch((error: { code?: string }) => error.code);
    expect(reuse).toBe("bad_refresh_token");
    expect(await liveAccess()).toBe(2);
  });
});
