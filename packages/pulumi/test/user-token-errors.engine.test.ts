import { NotFoundError, OAuthAppClient, OAuthError } from "@ghes-oauth/client";
import type { PulumiFn } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RevokeOnDelete, ScopedToken, UserToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { stateSecrets } from "./support/state-secrets.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;

// The error paths as the engine reports them (CLI output, state kept); revocation on delete and an app whose
// tokens never expire run in-process in user-token-revocation.harness.test.ts.
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
});
