import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { isCredentialProbe } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedTokenContract, secretInputs, userTokenContract } from "../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { Lifecycle, type Plan, providerProcess } from "./support/lifecycle.js";

const HOUR = 3600;

// A UserToken and a ScopedToken minted from its accessToken, driven in-process in dependency order. The
// first up's secret outputs are the engine file's (user-token-lifecycle.engine.test.ts).
describe("UserToken lifecycle", () => {
  let world: EmulatorWorld;
  let client: OAuthAppClient;
  let seed: string;
  let user: Lifecycle;
  let child: Lifecycle;

  /** `pulumi up`: the user token, then the child from its accessToken. */
  async function up() {
    const userUp = await user.up({ refreshToken: seed });
    const childUp = await child.up({
      accessToken: userUp.outs.accessToken,
      target: "acme",
      permissions: { contents: "read" },
    });
    return {
      plans: { user: userUp.plan, child: childUp.plan } as Record<string, Plan>,
      user: userUp.outs,
      child: childUp.outs,
    };
  }
  const pair = () => ({
    accessToken: String(user.state?.outs.accessToken),
    refreshToken: String(user.state?.outs.refreshToken),
  });
  const grantCalls = async () =>
    (await world.admin.requests()).filter(
      (request) => request.path.startsWith("/login/") && !isCredentialProbe(request),
    );
  const liveAccess = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.kind === "access").length;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    client = new OAuthAppClient(world.connection);
    await client.deleteToken(world.userToken);
    seed = (await world.signIn()).refreshToken ?? "";
    user = new Lifecycle(providerProcess("user-token-runtime", world.connectionConfig), {
      secretInputs: secretInputs(userTokenContract),
    });
    child = new Lifecycle(providerProcess("provider-runtime", world.connectionConfig), {
      secretInputs: secretInputs(scopedTokenContract),
    });
  });

  afterAll(async () => {
    await client?.close();
    await world?.close();
  });

  it("preview plans the create and redeems nothing", async () => {
    await world.admin.clearRequests();
    const plan = (await user.preview({ refreshToken: seed })).plan;
    expect(plan).toBe("create");
    expect(await grantCalls()).toEqual([]);
  });

  it("up redeems the seed: the user, expiries on the server's clock", async () => {
    const { now } = await world.admin.advanceClock(0);
    const result = await up();
    expect(result.plans).toEqual({ user: "create", child: "create" });
    expect(result.user.accessToken).toMatch(/^ghu_/);
    expect(result.user.refreshToken).toMatch(/^ghr_/);
    expect(result.user.refreshToken).not.toBe(seed);
    expect(result.user.userLogin).toBe("octocat");
    const lifetime = Date.parse(String(result.user.expiresAt)) - Date.parse(now);
    expect(Math.abs(lifetime - 8 * HOUR * 1000)).toBeLessThan(60_000);
    const refreshLifetime = Date.parse(String(result.user.refreshTokenExpiresAt)) - Date.parse(now);
    expect(Math.abs(refreshLifetime - 15_897_600 * 1000)).toBeLessThan(60_000);
    const reuse = await client.refreshToken(seed).catch((error: { code?: string }) => error.code);
    expect(reuse).toBe("bad_refresh_token");
    expect(await liveAccess()).toBe(2);
  });

  it("an up with nothing due changes nothing and redeems nothing", async () => {
    await world.admin.clearRequests();
    const { plans } = await up();
    expect(plans).toEqual({ user: "same", child: "same" });
    expect(await grantCalls()).toEqual([]);
  });

  it("refresh keeps a UserToken whose access token expired; the next up renews it", async () => {
    const before = pair();
    await world.admin.advanceClock(9 * HOUR);
    await expect(client.checkToken(before.accessToken)).rejects.toBeInstanceOf(NotFoundError);
    // The child expired with its parent (a scoped token lives no longer than it): dropped. The UserToken is kept.
    const refreshed = { user: await user.refresh(), child: await child.refresh() };
    expect(refreshed).toEqual({ user: "kept", child: "dropped" });
    expect(pair()).toEqual(before);
    const result = await up();
    expect(result.plans).toEqual({ user: "update", child: "create" });
    await expect(client.checkToken(String(result.user.accessToken))).resolves.toBeDefined();
    await expect(client.checkToken(String(result.child.token))).resolves.toBeDefined();
    expect(await liveAccess()).toBe(2);
  });

  it("a new seed (a new sign-in) updates in place and revokes the previous access token", async () => {
    const before = pair();
    seed = (await world.signIn()).refreshToken ?? "";
    const { plans } = await up();
    expect(plans).toEqual({ user: "update", child: "update" });
    const after = pair();
    expect(after.accessToken).not.toBe(before.accessToken);
    await expect(client.checkToken(before.accessToken)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.checkToken(after.accessToken)).resolves.toBeDefined();
    // The new sign-in's own access token died when its refresh token was redeemed: no orphan.
    expect(await liveAccess()).toBe(2);
  });

  it("refresh marks an access token revoked out of band as due; up then says to sign in again", async () => {
    await client.deleteToken(pair().accessToken);
    await user.refresh();
    await child.refresh();
    const { now } = await world.admin.advanceClock(0);
    expect(Date.parse(String(user.state?.outs.expiresAt))).toBeLessThanOrEqual(Date.parse(now));
    // Deleting the access token revoked its refresh token too: the chain is gone.
    const failure = await up().catch((error: Error) => error.message);
    expect(failure).toContain("bad_refresh_token");
    expect(failure).toContain("Sign in again");
  });
});
