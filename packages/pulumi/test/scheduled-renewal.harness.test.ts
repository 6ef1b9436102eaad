import { NotFoundError, OAuthAppClient, OAuthError } from "@ghes-oauth/client";
import { isCredentialProbe } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedTokenContract, secretInputs, userTokenContract } from "../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { Lifecycle, type Plan, providerProcess } from "./support/lifecycle.js";

const HOUR = 3600;
const INTERVAL_HOURS = 4;
const RUNS = (3 * 24) / INTERVAL_HOURS; // three simulated days

// A CI schedule running `pulumi up` every 4 hours, with renewBefore at least that interval: every run
// renews the user token (GitHub rotates the refresh token) and every scoped token, so none lapses. The
// program's resources are driven in-process in dependency order (the user token first, its accessToken
// then an input of each scoped token; unknown at preview while the user token is being updated).
describe(`scheduled pulumi up: ${RUNS} runs, one every ${INTERVAL_HOURS} h of the emulator's clock`, () => {
  let world: EmulatorWorld;
  let client: OAuthAppClient;
  let seed: string;
  let invalidTokensSeen = 0;
  let rotations = 0;
  let user: Lifecycle;
  const scopedSpecs = (): Record<string, Record<string, unknown>> => ({
    "ci-read": {
      target: "acme",
      repositories: ["api", "web"],
      permissions: { contents: "read" },
      renewBefore: "5h",
    },
    releaser: {
      target: "acme",
      repositories: ["infra"],
      permissions: { contents: "write", pull_requests: "write" },
      renewBefore: "4h30m",
    },
    auditor: { targetId: world.org.id, permissions: { members: "read" }, renewBefore: 5 * HOUR },
    triage: { target: "acme", permissions: { issues: "write" }, renewBefore: "300m" },
  });
  const scoped = new Map<string, Lifecycle>();
  const userInputs = () => ({ refreshToken: seed, renewBefore: "5h" });

  /** `pulumi up` of the program: each resource's plan, and the user's login. */
  async function up(): Promise<{ plans: Record<string, Plan>; userLogin: unknown }> {
    const plans: Record<string, Plan> = {};
    const userUp = await user.up(userInputs());
    plans.user = userUp.plan;
    for (const [name, spec] of Object.entries(scopedSpecs())) {
      plans[name] = (await scoped.get(name)?.up({ ...spec, accessToken: userUp.outs.accessToken }))
        ?.plan as Plan;
    }
    return { plans, userLogin: userUp.outs.userLogin };
  }

  /** The token values in state, as the engine's state would hold them. */
  function stateSecrets() {
    return {
      scoped: new Map([...scoped].map(([name, lifecycle]) => [name, String(lifecycle.state?.outs.token)])),
      users: new Map([
        [
          "user",
          {
            accessToken: String(user.state?.outs.accessToken),
            refreshToken: String(user.state?.outs.refreshToken),
          },
        ],
      ]),
    };
  }
  const liveTokens = async (kind: "access" | "refresh") =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.kind === kind).length;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    const signIn = await world.signIn();
    seed = signIn.refreshToken ?? "";
    client = new OAuthAppClient(world.connection);
    // The world's ready-made user token is not part of this stack: retire it so the counts are the stack's.
    await client.deleteToken(world.userToken);
    user = new Lifecycle(providerProcess("user-token-runtime", world.connectionConfig), {
      secretInputs: secretInputs(userTokenContract),
    });
    for (const name of Object.keys(scopedSpecs())) {
      scoped.set(
        name,
        new Lifecycle(providerProcess("provider-runtime", world.connectionConfig), {
          secretInputs: secretInputs(scopedTokenContract),
        }),
      );
    }
  });

  afterAll(async () => {
    await client?.close();
    await world?.close();
  });

  it("the first up redeems the seed and mints four scoped tokens", async () => {
    const { plans, userLogin } = await up();
    expect(Object.values(plans)).toEqual(["create", "create", "create", "create", "create"]);
    expect(userLogin).toBe("octocat");
    const secrets = stateSecrets();
    expect(secrets.scoped.size).toBe(4);
    expect(secrets.users.get("user")?.refreshToken).not.toBe(seed);
    expect(await liveTokens("access")).toBe(5);
    expect(await liveTokens("refresh")).toBe(1);
  });

  it("preview on a due stack plans the renewals and redeems nothing", async () => {
    await world.admin.advanceClock(INTERVAL_HOURS * HOUR);
    await world.admin.clearRequests();
    const userPlan = await user.preview(userInputs());
    const scopedPlans = [];
    for (const [name, spec] of Object.entries(scopedSpecs())) {
      // The user token is updating: its accessToken is not known until up.
      const plan = await scoped
        .get(name)
        ?.preview({ ...spec, accessToken: "" }, { unknown: ["accessToken"] });
      scopedPlans.push(plan?.plan);
    }
    expect({ user: userPlan.plan, scoped: scopedPlans }).toEqual({
      user: "update",
      scoped: ["replace", "replace", "replace", "replace"],
    });
    const grants = (await world.admin.requests()).filter(
      (request) => request.path.startsWith("/login/") && !isCredentialProbe(request),
    );
    expect(grants).toEqual([]);
  });

  it(`${RUNS} scheduled runs keep every token valid, rotate the refresh token each time and leave no orphan`, async () => {
    let previous = stateSecrets();
    for (let runNumber = 1; runNumber <= RUNS; runNumber++) {
      // The preview test above already moved the clock for the first run.
      if (runNumber > 1) await world.admin.advanceClock(INTERVAL_HOURS * HOUR);
      const { plans } = await up();
      expect(plans, `run ${runNumber}`).toEqual({
        user: "update",
        "ci-read": "replace",
        releaser: "replace",
        auditor: "replace",
        triage: "replace",
      });

      const current = stateSecrets();
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
      const userPair = current.users.get("user");
      const before = previous.users.get("user");
      expect(userPair && before, `run ${runNumber}: user token in state`).toBeTruthy();
      if (!userPair || !before) return;
      await expect(client.checkToken(userPair.accessToken)).resolves.toMatchObject({
        user: { login: "octocat" },
      });
      await expect(client.checkToken(before.accessToken)).rejects.toBeInstanceOf(NotFoundError);
      expect(userPair.refreshToken, `run ${runNumber}: refresh token rotated`).not.toBe(before.refreshToken);
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
    // Dependents first, as the engine deletes them.
    for (const lifecycle of scoped.values()) await lifecycle.destroy();
    await user.destroy();
    expect([...scoped.values(), user].map((lifecycle) => lifecycle.state)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(await world.admin.liveTokens(world.app.client_id)).toEqual([]);
  });
});
