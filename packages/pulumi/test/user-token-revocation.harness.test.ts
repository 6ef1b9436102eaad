import { NotFoundError, OAuthAppClient, OAuthError } from "@ghes-oauth/client";
import { isCredentialProbe } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedTokenContract, secretInputs, userTokenContract } from "../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { Lifecycle, type Plan, providerProcess } from "./support/lifecycle.js";

const HOUR = 3600;

/** A UserToken and a ScopedToken minted from it, as a program declares them, driven in-process. */
class UserProgram {
  readonly user: Lifecycle;
  readonly child: Lifecycle;

  constructor(
    config: Record<string, { value: string }>,
    private readonly inputs: () => Record<string, unknown>,
  ) {
    this.user = new Lifecycle(providerProcess("user-token-runtime", config), {
      secretInputs: secretInputs(userTokenContract),
    });
    this.child = new Lifecycle(providerProcess("provider-runtime", config), {
      secretInputs: secretInputs(scopedTokenContract),
    });
  }

  /** `pulumi up`: the user token, then the child from its accessToken. */
  async up(inputs = this.inputs()): Promise<Record<string, Plan>> {
    const user = await this.user.up(inputs);
    const child = await this.child.up({
      accessToken: user.outs.accessToken,
      target: "acme",
      permissions: { contents: "read" },
    });
    return { user: user.plan, child: child.plan };
  }

  /** `pulumi destroy`: the child first, as the engine deletes dependents first. */
  async destroy(): Promise<void> {
    await this.child.destroy();
    await this.user.destroy();
  }

  /** The user token's current pair in state. */
  pair() {
    return {
      accessToken: String(this.user.state?.outs.accessToken),
      refreshToken: String(this.user.state?.outs.refreshToken),
    };
  }
}

describe("UserToken revocation", () => {
  let world: EmulatorWorld;
  let client: OAuthAppClient;

  const refreshFails = async (refreshToken: string) => {
    const error = await client.refreshToken(refreshToken).catch((caught: unknown) => caught);
    return error instanceof OAuthError && error.code === "bad_refresh_token";
  };
  const isLive = (token: string) =>
    client.checkToken(token).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFoundError) return false;
        throw error;
      },
    );
  const program = (seed: string, revokeOnDelete?: string) =>
    new UserProgram(world.connectionConfig, () => ({ refreshToken: seed, revokeOnDelete }));

  beforeAll(async () => {
    world = await startEmulatorWorld();
    for (const login of ["alice", "bob", "carol", "dave"])
      await world.admin.createAccount({ login, type: "User" });
    client = new OAuthAppClient(world.connection);
  });

  afterAll(async () => {
    await client?.close();
    await world?.close();
  });

  it('revokeOnDelete "token" (the default) revokes the access token and its refresh token', async () => {
    const seed = (await world.signIn("bob")).refreshToken ?? "";
    const stack = program(seed);
    await stack.up();
    const pair = stack.pair();
    const outOfStack = await world.signIn("bob");
    await stack.destroy();
    expect(await isLive(pair.accessToken)).toBe(false);
    expect(await refreshFails(pair.refreshToken)).toBe(true);
    // Only this token: the user's other sign-ins stay.
    expect(await isLive(outOfStack.accessToken)).toBe(true);
  });

  it('revokeOnDelete "grant" deletes the whole authorization, even once the access token has expired', async () => {
    const seed = (await world.signIn("carol")).refreshToken ?? "";
    const stack = program(seed, "grant");
    await stack.up();
    const pair = stack.pair();
    await world.admin.advanceClock(9 * HOUR);
    const outOfStack = await world.signIn("carol");
    await stack.destroy();
    expect(await isLive(outOfStack.accessToken)).toBe(false);
    expect(await refreshFails(pair.refreshToken)).toBe(true);
    const carols = (await world.admin.liveTokens(world.app.client_id)).filter(
      (t) => t.user.login === "carol",
    );
    expect(carols).toEqual([]);
  });

  it('revokeOnDelete "none" leaves the pair working', async () => {
    const seed = (await world.signIn("octocat")).refreshToken ?? "";
    const stack = program(seed, "none");
    await stack.up();
    const pair = stack.pair();
    await stack.destroy();
    expect(await isLive(pair.accessToken)).toBe(true);
    const renewed = await client.refreshToken(pair.refreshToken);
    expect(renewed.access_token).toMatch(/^ghu_/);
    await client.deleteToken(renewed.access_token);
  });

  it("a revokeOnDelete change alone updates state with no API call", async () => {
    const seed = (await world.signIn("octocat")).refreshToken ?? "";
    const stack = program(seed);
    await stack.up();
    await world.admin.clearRequests();
    const plans = await stack.up({ refreshToken: seed, revokeOnDelete: "grant" });
    expect(plans).toEqual({ user: "update", child: "same" });
    const calls = (await world.admin.requests()).filter(
      (request) =>
        (request.path.startsWith("/login/") && !isCredentialProbe(request)) ||
        request.path.includes("/applications/"),
    );
    expect(calls).toEqual([]);
    await stack.destroy();
  });
});

describe("an app whose user tokens never expire", () => {
  let world: EmulatorWorld;
  let client: OAuthAppClient;

  beforeAll(async () => {
    world = await startEmulatorWorld({ expiringUserTokens: false });
    client = new OAuthAppClient(world.connection);
  });

  afterAll(async () => {
    await client?.close();
    await world?.close();
  });

  it("needs no UserToken; its ScopedTokens never renew, whatever renewBefore says", async () => {
    const signIn = await world.signIn();
    expect(signIn.refreshToken).toBeUndefined();
    const token = new Lifecycle(providerProcess("provider-runtime", world.connectionConfig), {
      secretInputs: secretInputs(scopedTokenContract),
    });
    const inputs = {
      accessToken: signIn.accessToken,
      target: "acme",
      permissions: { contents: "read" },
      renewBefore: "1000h",
    };
    const first = await token.up(inputs);
    expect(first.outs.expiresAt).toBeNull();
    await world.admin.advanceClock(90 * 24 * HOUR);
    const later = await token.up(inputs);
    expect(later.plan).toBe("same");
    expect(later.outs.token).toBe(first.outs.token);
    await expect(client.checkToken(String(later.outs.token))).resolves.toBeDefined();
    await token.destroy();
  });
});
