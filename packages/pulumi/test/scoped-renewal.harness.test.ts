import { OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedTokenContract, secretInputs } from "../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { Lifecycle, type Plan, providerProcess } from "./support/lifecycle.js";

const HOUR = 3600;

// Renewal and parent changes as the provider decides them, in-process; the replacement order the engine
// carries out (the new token first) stays in scoped-renewal.engine.test.ts.
describe("ScopedToken renewal and parent changes", () => {
  let world: EmulatorWorld;
  let client: OAuthAppClient;
  let parent: string;
  let first: Record<string, unknown>;
  const tokens: Record<string, Lifecycle> = {};

  const inputs = (): Record<string, Record<string, unknown>> => ({
    early: { accessToken: parent, target: "acme", permissions: { contents: "read" }, renewBefore: "2h" },
    late: { accessToken: parent, target: "acme", permissions: { issues: "write" } },
  });
  /** `pulumi up` of the two tokens: each one's plan and token. */
  async function up() {
    const plans: Record<string, Plan> = {};
    const values: Record<string, unknown> = {};
    for (const [name, args] of Object.entries(inputs())) {
      const result = await tokens[name]?.up(args);
      plans[name] = result?.plan as Plan;
      values[name] = result?.outs.token;
    }
    return { plans, values };
  }
  const tokenCalls = async () =>
    (await world.admin.requests()).filter((request) => request.path.includes("/applications/"));
  const newParent = async () =>
    (await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" })).token;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    parent = world.userToken;
    client = new OAuthAppClient(world.connection);
    for (const name of ["early", "late"]) {
      tokens[name] = new Lifecycle(providerProcess("provider-runtime", world.connectionConfig), {
        secretInputs: secretInputs(scopedTokenContract),
      });
    }
    first = (await up()).values;
  });

  afterAll(async () => {
    await client?.close();
    await world?.close();
  });

  it("a new parent accessToken alone: each token is checked once and, still valid, kept (state only)", async () => {
    parent = await newParent();
    await world.admin.clearRequests();
    const { plans, values } = await up();
    expect(plans).toEqual({ early: "update", late: "update" });
    // GitHub does not document whether a new parent means dead children: one check each, nothing minted or revoked.
    const calls = await tokenCalls();
    expect(calls.map((call) => `${call.method} ${call.status}`)).toEqual(["POST 200", "POST 200"]);
    expect(calls.every((call) => call.path.endsWith(`/applications/${world.app.client_id}/token`))).toBe(
      true,
    );
    expect(values.early).toBe(first.early);
    expect(values.late).toBe(first.late);
  });

  it("preview plans the renewal of a token within its renewBefore (on the emulator's clock) and mints nothing", async () => {
    await world.admin.advanceClock(6.5 * HOUR);
    parent = await newParent();
    await world.admin.clearRequests();
    const plans: Record<string, Plan | undefined> = {};
    for (const [name, args] of Object.entries(inputs()))
      plans[name] = (await tokens[name]?.preview(args))?.plan;
    expect(plans).toEqual({ early: "replace", late: "update" });
    expect(await tokenCalls()).toEqual([]);
  });

  it("the next up, with nothing due, changes nothing", async () => {
    // The renewal itself (and its order) is the engine file's; here it only brings the state forward.
    await up();
    const { plans } = await up();
    expect(plans).toEqual({ early: "same", late: "same" });
  });
});
