import { NotFoundError, OAuthAppClient, OAuthError } from "@ghes-oauth/client";
import type { PulumiFn } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RevokeOnDelete, ScopedToken, UserToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { stateSecrets } from "./support/state-secrets.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;

describe("UserToken error paths and revocation under the real engine", () => {
  let world: EmulatorWorld;
  let client: OAuthAppClient;
  const stacks: TestStack[] = [];

  const userProgram =
    (seed: () => string, revokeOnDelete?: RevokeOnDelete): PulumiFn =>
    async () => {
      const user = new UserToken("user", { refreshToken: seed(), revokeOnDelete });
      const child = new ScopedToken("child", {
        accessToken: user.accessToken,
        target: "acme",
        permissions: { contents: "read" },
      });
      return { login: user.userLogin, child: child.tokenLastEight };
    };
  const newStack = async (program: PulumiFn) => {
    const testStack = await createTestStack(program, world.connectionConfig);
    stacks.push(testStack);
    return testStack;
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("expected the operation to fail");
      },
      (error: unknown) => String(error instanceof Error ? error.message : error),
    );
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

  beforeAll(async () => {
    world = await startEmulatorWorld();
    for (const login of ["alice", "bob", "carol", "dave"])
      await world.admin.createAccount({ login, type: "User" });
    client = new OAuthAppClient(world.connection);
  });

  afterAll(async () => {
    for (const testStack of stacks) testStack.dispose();
    await client?.close();
    await world?.close();
  });

  it("a seed used once (by another stack) fails with how to sign in again, and names no secret", async () => {
    const seed = (await world.signIn()).refreshToken ?? "";
    const first = await newStack(userProgram(() => seed));
    await first.stack.up();
    const second = await newStack(userProgram(() => seed));
    const message = await failure(second.stack.up({ onOutput: second.onOutput }));
    expect(message).toContain("bad_refresh_token");
    expect(message).toContain("Sign in again");
    expect(message).toContain("ghes-oauth login --pulumi-config");
    expect(message).toContain("pulumi config set --secret");
    expect(second.output()).toContain("Sign in again");
    expect(message).not.toContain(seed);
    expect(second.output()).not.toContain(seed);
    // The first stack's chain is untouched by the failed attempt.
    const { users } = await stateSecrets(first);
    expect(await isLive(users.get("user")?.accessToken ?? "")).toBe(true);
    await first.stack.destroy();
  });

  it("a state restored from before a rotation fails with how to sign in again; a new seed recovers", async () => {
    let seed = (await world.signIn("alice")).refreshToken ?? "";
    const testStack = await newStack(userProgram(() => seed));
    await testStack.stack.up();
    const backup = await testStack.stack.exportStack();
    const consumed = (await stateSecrets(testStack)).users.get("user")?.refreshToken ?? "";

    await world.admin.advanceClock(7.5 * HOUR);
    const renewed = await testStack.stack.up();
    expect(renewed.summary.resourceChanges).toMatchObject({ update: 1, replace: 1 });
    expect(await refreshFails(consumed)).toBe(true);

    await testStack.stack.importStack(backup);
    await world.admin.advanceClock(1 * HOUR);
    const message = await failure(testStack.stack.up({ onOutput: testStack.onOutput }));
    expect(message).toContain("renewing the UserToken with the refresh token held in state");
    expect(message).toContain("bad_refresh_token");
    expect(message).toContain("Sign in again");
    expect(testStack.output()).not.toContain(consumed);

    seed = (await world.signIn("alice")).refreshToken ?? "";
    testStack.setProgram(userProgram(() => seed));
    const recovered = await testStack.stack.up();
    expect(recovered.summary.resourceChanges).toMatchObject({ update: 1 });
    const { users, scoped } = await stateSecrets(testStack);
    expect(await isLive(users.get("user")?.accessToken ?? "")).toBe(true);
    expect(await isLive(scoped.get("child") ?? "")).toBe(true);
    await testStack.stack.destroy();
  });

  it("a renewal the server fails (502, then a reset connection) keeps the state; the next up renews", async () => {
    const seed = (await world.signIn("dave")).refreshToken ?? "";
    const testStack = await newStack(userProgram(() => seed));
    await testStack.stack.up();
    const before = (await stateSecrets(testStack)).users.get("user");
    await world.admin.advanceClock(7.5 * HOUR);
    for (const fault of [{ status: 502 }, { resetRate: 1 }]) {
      await world.admin.setFaults({ ...fault, path: "/login/oauth/access_token" });
      const message = await failure(testStack.stack.up({ onOutput: testStack.onOutput }));
      expect(message).toContain("renewing the UserToken with the refresh token held in state failed");
      expect((await stateSecrets(testStack)).users.get("user")).toEqual(before);
    }
    await world.admin.clearFaults();
    const up = await testStack.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1, replace: 1 });
    const after = (await stateSecrets(testStack)).users.get("user");
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(await isLive(after?.accessToken ?? "")).toBe(true);
    for (const secret of [seed, before?.refreshToken ?? "", before?.accessToken ?? ""]) {
      expect(testStack.output()).not.toContain(secret);
    }
    await testStack.stack.destroy();
  });

  it('revokeOnDelete "token" (the default) revokes the access token and its refresh token', async () => {
    const seed = (await world.signIn("bob")).refreshToken ?? "";
    const testStack = await newStack(userProgram(() => seed));
    await testStack.stack.up();
    const { users } = await stateSecrets(testStack);
    const pair = users.get("user");
    const outOfStack = await world.signIn("bob");
    await testStack.stack.destroy();
    expect(await isLive(pair?.accessToken ?? "")).toBe(false);
    expect(await refreshFails(pair?.refreshToken ?? "")).toBe(true);
    // Only this token: the user's other sign-ins stay.
    expect(await isLive(outOfStack.accessToken)).toBe(true);
  });

  it('revokeOnDelete "grant" deletes the whole authorization, even once the access token has expired', async () => {
    const seed = (await world.signIn("carol")).refreshToken ?? "";
    const testStack = await newStack(userProgram(() => seed, "grant"));
    await testStack.stack.up();
    const pair = (await stateSecrets(testStack)).users.get("user");
    await world.admin.advanceClock(9 * HOUR);
    const outOfStack = await world.signIn("carol");
    await testStack.stack.destroy();
    expect(await isLive(outOfStack.accessToken)).toBe(false);
    expect(await refreshFails(pair?.refreshToken ?? "")).toBe(true);
    const carols = (await world.admin.liveTokens(world.app.client_id)).filter(
      (t) => t.user.login === "carol",
    );
    expect(carols).toEqual([]);
  });

  it('revokeOnDelete "none" leaves the pair working', async () => {
    const seed = (await world.signIn("octocat")).refreshToken ?? "";
    const testStack = await newStack(userProgram(() => seed, "none"));
    await testStack.stack.up();
    const pair = (await stateSecrets(testStack)).users.get("user");
    await testStack.stack.destroy();
    expect(await isLive(pair?.accessToken ?? "")).toBe(true);
    const renewed = await client.refreshToken(pair?.refreshToken ?? "");
    expect(renewed.access_token).toMatch(/^ghu_/);
    await client.deleteToken(renewed.access_token);
  });

  it("a revokeOnDelete change alone updates state with no API call", async () => {
    const seed = (await world.signIn("octocat")).refreshToken ?? "";
    const testStack = await newStack(userProgram(() => seed));
    await testStack.stack.up();
    testStack.setProgram(userProgram(() => seed, "grant"));
    await world.admin.clearRequests();
    const up = await testStack.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 2, update: 1 });
    const calls = (await world.admin.requests()).filter(
      (request) => request.path.startsWith("/login/") || request.path.includes("/applications/"),
    );
    expect(calls).toEqual([]);
    await testStack.stack.destroy();
  });
});

describe("an app whose user tokens never expire", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;

  beforeAll(async () => {
    world = await startEmulatorWorld({ expiringUserTokens: false });
    client = new OAuthAppClient(world.connection);
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("needs no UserToken; its ScopedTokens never renew, whatever renewBefore says", async () => {
    const signIn = await world.signIn();
    expect(signIn.refreshToken).toBeUndefined();
    testStack = await createTestStack(async () => {
      const token = new ScopedToken("forever", {
        accessToken: signIn.accessToken,
        target: "acme",
        permissions: { contents: "read" },
        renewBefore: "1000h",
      });
      return { token: token.token, expiresAt: token.expiresAt };
    }, world.connectionConfig);
    const first = await testStack.stack.up();
    expect(first.outputs.expiresAt?.value).toBeNull();
    await world.admin.advanceClock(90 * 24 * HOUR);
    const later = await testStack.stack.up();
    expect(later.summary.resourceChanges).toEqual({ same: 2 });
    expect(later.outputs.token?.value).toBe(first.outputs.token?.value);
    await expect(client.checkToken(later.outputs.token?.value)).resolves.toBeDefined();
    await testStack.stack.destroy();
  });
});
