import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;

describe("ScopedToken renewal and parent changes under the real engine", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let parent: string;
  let first: Record<string, string>;

  const program = () => async () => {
    const early = new ScopedToken("early", {
      accessToken: parent,
      target: "acme",
      permissions: { contents: "read" },
      renewBefore: "2h",
    });
    const late = new ScopedToken("late", {
      accessToken: parent,
      target: "acme",
      permissions: { issues: "write" },
    });
    return { early: early.token, late: late.token, earlyExpires: early.expiresAt };
  };
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
  const tokenCalls = async () =>
    (await world.admin.requests()).filter((request) => request.path.includes("/applications/"));
  const newParent = async () =>
    (await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" })).token;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    parent = world.userToken;
    client = new OAuthAppClient(world.connection);
    testStack = await createTestStack(program(), world.connectionConfig);
    const up = await testStack.stack.up(run);
    first = { early: up.outputs.early?.value, late: up.outputs.late?.value };
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("a new parent accessToken alone updates state only: no API call, the same tokens", async () => {
    parent = await newParent();
    testStack.setProgram(program());
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 2 });
    expect(await tokenCalls()).toEqual([]);
    expect(up.outputs.early?.value).toBe(first.early);
    expect(up.outputs.late?.value).toBe(first.late);
  });

  it("preview plans the renewal of a token within its renewBefore (on the emulator's clock) and mints nothing", async () => {
    await world.admin.advanceClock(6.5 * HOUR);
    parent = await newParent();
    testStack.setProgram(program());
    await world.admin.clearRequests();
    const preview = await testStack.stack.preview(run);
    expect(preview.changeSummary).toEqual({ same: 1, replace: 1, update: 1 });
    expect(await tokenCalls()).toEqual([]);
  });

  it("up replaces it from the current parent, new first; the one outside its renewBefore only updates", async () => {
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 1, replace: 1, update: 1 });
    const renewed = up.outputs.early?.value as string;
    expect(renewed).not.toBe(first.early);
    expect(up.outputs.late?.value).toBe(first.late);
    await expect(client.checkToken(first.early as string)).rejects.toBeInstanceOf(NotFoundError);
    const fresh = await client.checkToken(renewed);
    expect(Date.parse(fresh.expires_at ?? "")).toBeGreaterThan(
      Date.parse(up.outputs.earlyExpires?.value) - 1,
    );
    await expect(client.checkToken(first.late as string)).resolves.toBeDefined();
    const output = testStack.output();
    const created = output.lastIndexOf("early creating replacement");
    expect(created).toBeGreaterThan(-1);
    expect(output.lastIndexOf("early deleting original")).toBeGreaterThan(created);
  });

  it("the next up, with nothing due, changes nothing", async () => {
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3 });
  });
});
