import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedTokenSet, type ScopedTokenSpec } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const ENTRIES = 12;

// GitHub's limits switched on with short windows, so waiting them out takes seconds: the set's mints,
// checks and revocations must pace themselves and never fail a run for a limit they can wait out.
describe(`a ${ENTRIES}-entry ScopedTokenSet under the primary and the secondary rate limit`, () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let rotation = "1";

  const scopes = (): Record<string, ScopedTokenSpec> =>
    Object.fromEntries(
      Array.from({ length: ENTRIES }, (_, index) => [
        `entry-${index}`,
        { target: "acme", permissions: { contents: "read" }, rotationTrigger: rotation },
      ]),
    );
  const program = () => async () => {
    const set = new ScopedTokenSet("limited", { accessToken: world.userToken, scopes: scopes() });
    return { tokens: set.tokens };
  };
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
  const refused = async () =>
    (await world.admin.requests()).filter((request) => request.status === 403 || request.status === 429)
      .length;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    client = new OAuthAppClient(world.connection);
    testStack = await createTestStack(program(), world.connectionConfig);
  });

  afterAll(async () => {
    await world?.admin.setBehaviour({ rateLimit: null });
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  // 2 per 2 s with 8 calls in flight: most calls are refused more often than the client's own 3 retries
  // cover, so only the set's pacing (every call held for as long as the server asks) gets them through.
  it("secondary limit (2 mutating requests per 2 s): every entry minted, then all replaced, the waits reported", async () => {
    await world.admin.setBehaviour({ rateLimit: { secondary: { limit: 2, windowSeconds: 2 } } });
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(Object.keys(up.outputs.tokens?.value ?? {})).toHaveLength(ENTRIES);
    rotation = "2";
    testStack.setProgram(program());
    const rotated = await testStack.stack.up(run);
    const tokens = rotated.outputs.tokens?.value as Record<string, string>;
    expect(await refused()).toBeGreaterThan(0);
    expect(testStack.output()).toMatch(/ghes-oauth: rate limited: waiting \d+s as the server asked/);
    await world.admin.setBehaviour({ rateLimit: null });
    for (const token of Object.values(tokens)) await expect(client.checkToken(token)).resolves.toBeDefined();
    for (const token of Object.values(up.outputs.tokens?.value as Record<string, string>)) {
      await expect(client.checkToken(token)).rejects.toBeInstanceOf(NotFoundError);
    }
    const scoped = (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.scoped);
    expect(scoped).toHaveLength(ENTRIES);
  });

  it("primary limit (4 requests per 3 s, then 403 until the reset): destroy revokes every token", async () => {
    await world.admin.setBehaviour({ rateLimit: { primary: { limit: 4, windowSeconds: 3 } } });
    await world.admin.clearRequests();
    await testStack.stack.destroy(run);
    expect(await refused()).toBeGreaterThan(0);
    await world.admin.setBehaviour({ rateLimit: null });
    const scoped = (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.scoped);
    expect(scoped).toEqual([]);
  });
});
