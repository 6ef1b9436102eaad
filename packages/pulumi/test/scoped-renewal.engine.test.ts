import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;

// What a renewal looks like to the engine: a replacement, the new token created before the old one is deleted.
// The provider's decisions (a new parent alone, the renewal plan at preview, nothing due) run in-process in
// scoped-renewal.harness.test.ts.
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

  it("up replaces it from the current parent, new first; the one outside its renewBefore only updates", async () => {
    await world.admin.advanceClock(6.5 * HOUR);
    parent = await newParent();
    testStack.setProgram(program());
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
});
