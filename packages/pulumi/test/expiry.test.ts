import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const NINE_HOURS = 9 * 60 * 60;

describe("expired tokens", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let userToken: string;

  const program = () => async () => {
    const token = new ScopedToken("reader", {
      accessToken: userToken,
      target: "acme",
      permissions: { contents: "read" },
    });
    return { token: token.token, expiresAt: token.expiresAt };
  };

  beforeAll(async () => {
    world = await startEmulatorWorld();
    userToken = world.userToken;
    client = new OAuthAppClient(world.connection);
    testStack = await createTestStack(program(), world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("refresh notices a token past its expiry and up mints a new one", async () => {
    const first = await testStack.stack.up({ onOutput: testStack.onOutput });
    const expiresAt = Date.parse(first.outputs.expiresAt?.value);
    expect(expiresAt - Date.now()).toBeGreaterThan(7 * 3600 * 1000);

    await world.admin.advanceClock(NINE_HOURS);
    await expect(client.checkToken(first.outputs.token?.value)).rejects.toBeInstanceOf(NotFoundError);
    const refreshed = await testStack.stack.refresh({ onOutput: testStack.onOutput });
    expect(refreshed.summary.resourceChanges).toEqual({ same: 1, delete: 1 });

    // The user's own token expired too: the web flow would issue a new one.
    userToken = (await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" }))
      .token;
    testStack.setProgram(program());
    const second = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(second.summary.resourceChanges).toMatchObject({ create: 1 });
    expect(second.outputs.token?.value).not.toBe(first.outputs.token?.value);
    await expect(client.checkToken(second.outputs.token?.value)).resolves.toBeDefined();
    expect(Date.parse(second.outputs.expiresAt?.value)).toBeGreaterThan(expiresAt);
  });
});
