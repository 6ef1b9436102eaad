import { NotFoundError, OAuthAppClient, OAuthError } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, UserToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { stateSecrets } from "./support/state-secrets.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;
const INTERVAL_HOURS = 4;
const RUNS = (3 * 24) / INTERVAL_HOURS; // three simulated days

// A CI schedule running `pulumi up` every 4 hours, with renewBefore at least that interval: every run
// renews the user token (GitHub rotates the refresh token) and every scoped token, so none lapses.
describe(`scheduled pulumi up: ${RUNS} runs, one every ${INTERVAL_HOURS} h of the emulator's clock`, () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let seed: string;
  let invalidTokensSeen = 0;
  let rotations = 0;

  const program = () => async () => {
    const user = new UserToken("user", { refreshToken: seed, renewBefore: "5h" });
    const tokens = [
      new ScopedToken("ci-read", {
        accessToken: user.accessToken,
        target: "acme",
        repositories: ["api", "web"],
        permissions: { contents: "read" },
        renewBefore: "5h",
      }),
      new ScopedToken("releaser", {
        accessToken: user.accessToken,
        target: "acme",
        repositories: ["infra"],
        permissions: { contents: "write", pull_requests: "write" },
        renewBefore: "4h30m",
      }),
      new ScopedToken("auditor", {
        accessToken: user.accessToken,
        targetId: world.org.id,
        permissions: { members: "read" },
        renewBefore: 5 * HOUR,
      }),
      new ScopedToken("triage", {
        accessToken: user.accessToken,
        target: "acme",
        permissions: { issues: "write" },
        renewBefore: "300m",
      }),
    ];
    return { userLogin: user.userLogin, scoped: tokens.length };
  };
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
  const liveTokens = async (kind: "access" | "refresh") =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.kind === kind).length;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    const signIn = await world.signIn();
    seed = signIn.refreshToken ?? "";
    client = new OAuthAppClient(world.connection);
    // The world's ready-made user token is not part of this stack: retire it so the counts are the stack's.
    await client.deleteToken(world.userToken);
    testStack = await createTestStack(program(), world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("the first up redeems the seed and mints four scoped tokens", async () => {
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ create: 6 });
    expect(up.outputs.userLogin?.value).toBe("octocat");
    const secrets = await stateSecrets(testStack);
    expect(secrets.scoped.size).toBe(4);
    expect(secrets.users.get("user")?.refreshToken).not.toBe(seed);
    expect(await liveTokens("access")).toBe(5);
    expect(await liveTokens("refresh")).toBe(1);
  });

  it("preview on a due stack plans the renewals and redeems nothing", async () => {
    await world.admin.advanceClock(INTERVAL_HOURS * HOUR);
    await world.admin.clearRequests();
    const preview = await testStack.stack.preview(run);
    expect(preview.changeSummary).toEqual({ same: 1, update: 1, replace: 4 });
    const grants = (await world.admin.requests()).filter((request) => request.path.startsWith("/login/"));
    expect(grants).toEqual([]);
  });

  it(`${RUNS} scheduled runs keep every token valid, rotate the refresh token each time and leave no orphan`, async () => {
    let previous = await stateSecrets(testStack);
    for (let runNumber = 1; runNumber <= RUNS; runNumber++) {
      // The preview test above already moved the clock for the first run.
      if (runNumber > 1) await world.admin.advanceClock(INTERVAL_HOURS * HOUR);
      const up = await testStack.stack.up(run);
      expect(up.summary.resourceChanges, `run ${runNumber}`).toEqual({ same: 1, update: 1, replace: 4 });

      const current = await stateSecrets(testStack);
      for (const [name, token] of current.scoped) {
        const valid = await client.checkToken(token).then(
          () => true,
          (error: unknown) => {
            if (error instanceof NotFoundError) return false;
            throw error;
          },
        );
        if (!valid) invalidTokensSeen++;
        expect(valid, `run ${runNumber}: ${name}`).toBe(true);
        expect(token, `run ${runNumber}: ${name} re-minted`).not.toBe(previous.scoped.get(name));
      }
      const user = current.users.get("user");
      const before = previous.users.get("user");
      expect(user && before, `run ${runNumber}: user token in state`).toBeTruthy();
      if (!user || !before) return;
      await expect(client.checkToken(user.accessToken)).resolves.toMatchObject({
        user: { login: "octocat" },
      });
      await expect(client.checkToken(before.accessToken)).rejects.toBeInstanceOf(NotFoundError);
      expect(user.refreshToken, `run ${runNumber}: refresh token rotated`).not.toBe(before.refreshToken);
      rotations++;
      const reuse = await client.refreshToken(before.refreshToken).catch((error: unknown) => error);
      expect(reuse).toBeInstanceOf(OAuthError);
      expect((reuse as OAuthError).code).toBe("bad_refresh_token");
      expect(await liveTokens("access"), `run ${runNumber}: live access tokens`).toBe(5);
      expect(await liveTokens("refresh"), `run ${runNumber}: live refresh tokens`).toBe(1);
      previous = current;
    }
    expect(rotations).toBe(RUNS);
    expect(invalidTokensSeen).toBe(0);
    console.log(
      `scheduled runs: ${RUNS}, refresh-token rotations: ${rotations}, invalid tokens seen: ${invalidTokensSeen}`,
    );
  });

  it("destroy leaves the app with no live token of any kind", async () => {
    const destroyed = await testStack.stack.destroy(run);
    expect(destroyed.summary.resourceChanges).toEqual({ delete: 6 });
    expect(await world.admin.liveTokens(world.app.client_id)).toEqual([]);
  });
});
