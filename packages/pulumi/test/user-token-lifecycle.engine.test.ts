import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, UserToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { stateSecrets } from "./support/state-secrets.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;

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

  it("an up with nothing due changes nothing and redeems nothing", async () => {
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3 });
    expect(await grantCalls()).toEqual([]);
  });

  it("refresh keeps a UserToken whose access token expired; the next up renews it", async () => {
    const before = (await stateSecrets(testStack)).users.get("user");
    await world.admin.advanceClock(9 * HOUR);
    await expect(client.checkToken(before?.accessToken ?? "")).rejects.toBeInstanceOf(NotFoundError);
    const refreshed = await testStack.stack.refresh(run);
    // The child expired with its parent (a scoped token lives no longer than it): dropped, as before. The
    // UserToken is kept; the engine diffs what refresh read and so reports it as due ("update").
    expect(refreshed.summary.resourceChanges).toEqual({ same: 1, update: 1, delete: 1 });
    expect((await stateSecrets(testStack)).users.get("user")).toEqual(before);
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1, create: 1 });
    await expect(client.checkToken(up.outputs.accessToken?.value)).resolves.toBeDefined();
    await expect(client.checkToken(up.outputs.child?.value)).resolves.toBeDefined();
    expect(await liveAccess()).toBe(2);
  });

  it("a new seed (a new sign-in) updates in place and revokes the previous access token", async () => {
    const before = (await stateSecrets(testStack)).users.get("user");
    seed = (await world.signIn()).refreshToken ?? "";
    testStack.setProgram(program());
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toMatchObject({ update: 2 });
    const after = (await stateSecrets(testStack)).users.get("user");
    expect(after?.accessToken).not.toBe(before?.accessToken);
    await expect(client.checkToken(before?.accessToken ?? "")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.checkToken(after?.accessToken ?? "")).resolves.toBeDefined();
    // The new sign-in's own access token died when its refresh token was redeemed: no orphan.
    expect(await liveAccess()).toBe(2);
  });

  it("refresh marks an access token revoked out of band as due; up then says to sign in again", async () => {
    const pair = (await stateSecrets(testStack)).users.get("user");
    await client.deleteToken(pair?.accessToken ?? "");
    await testStack.stack.refresh(run);
    const deployment = await testStack.stack.exportStack();
    const user = (deployment.deployment.resources as { type: string; outputs: { expiresAt: string } }[]).find(
      (resource) => resource.type.endsWith("ghes-oauth:UserToken"),
    );
    const { now } = await world.admin.advanceClock(0);
    expect(Date.parse(user?.outputs.expiresAt ?? "")).toBeLessThanOrEqual(Date.parse(now));
    // Deleting the access token revoked its refresh token too: the chain is gone.
    const failure = await testStack.stack.up(run).catch((error: Error) => error.message);
    expect(failure).toContain("bad_refresh_token");
    expect(failure).toContain("Sign in again");
  });
});
