// The sequence of issue "never a false success", through the real engine: two ScopedTokens and a
// two-entry ScopedTokenSet, then a wrong client secret (in stack config, or stale in the environment).
// `up`, `refresh` and `destroy` must fail loudly, keep all 4 tokens in state and live; once the secret
// is right again, destroy revokes all 4.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, ScopedTokenSet } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { findLeaks } from "./support/find-leaks.js";
import { exportStackText } from "./support/pulumi-cli.js";
import { stateSecrets } from "./support/state-secrets.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const WRONG_SECRET = "0badc0ffee0badc0ffee0badc0ffee0badc0ffee";

interface ExportedResource {
  type: string;
  outputs?: Record<string, unknown>;
}

describe("a wrong or stale client secret never passes for success (real engine)", () => {
  let world: EmulatorWorld;
  const stacks: TestStack[] = [];

  beforeAll(async () => {
    world = await startEmulatorWorld();
  });
  afterAll(async () => {
    for (const stack of stacks) stack.dispose();
    await world?.close();
  });

  const program = () => async () => {
    const scope = { target: "acme", permissions: { contents: "read" } } as const;
    new ScopedToken("first", { accessToken: world.userToken, ...scope });
    new ScopedToken("second", {
      accessToken: world.userToken,
      target: "acme",
      permissions: { issues: "read" },
    });
    new ScopedTokenSet("set", {
      accessToken: world.userToken,
      scopes: { api: { ...scope, repositories: ["api"] }, web: { ...scope, repositories: ["web"] } },
    });
  };

  const liveScoped = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.scoped).length;

  /** The tokens state holds: one per ScopedToken, one per entry of the set. */
  async function tokensInState(testStack: TestStack): Promise<number> {
    const text = await exportStackText(testStack);
    const resources = (JSON.parse(text).deployment.resources ?? []) as ExportedResource[];
    let count = 0;
    for (const resource of resources) {
      if (resource.type.endsWith("ghes-oauth:ScopedToken")) count += 1;
      if (resource.type.endsWith("ghes-oauth:ScopedTokenSet")) {
        count += Object.keys((resource.outputs?.tokenDetails as object | undefined) ?? {}).length;
      }
    }
    return count;
  }

  async function failure(testStack: TestStack, run: Promise<unknown>): Promise<string> {
    return run.then(
      () => "succeeded",
      (error: Error) => `${error.message}\n${testStack.output()}`,
    );
  }

  async function expectFailsLoudlyAndKeepsAll(testStack: TestStack, origin: RegExp) {
    const run = { onOutput: testStack.onOutput };
    const up = await failure(testStack, testStack.stack.up(run));
    const refresh = await failure(testStack, testStack.stack.refresh(run));
    const destroy = await failure(testStack, testStack.stack.destroy(run));
    for (const message of [up, refresh, destroy]) {
      expect(message).not.toBe("succeeded");
      expect(message).toMatch(/incorrect_client_credentials/);
      expect(message).toContain(world.app.client_id);
      expect(message).toMatch(origin);
    }
    expect(up).toMatch(/diffing the ScopedToken(Set)? stopped/);
    expect(refresh).toMatch(/refreshing the ScopedToken(Set)? stopped/);
    expect(destroy).toMatch(/destroying the ScopedToken(Set)? stopped/);
    expect(await tokensInState(testStack)).toBe(4);
    expect(await liveScoped()).toBe(4);
  }

  async function expectNoSecretShown(testStack: TestStack, minted: string[]) {
    const secrets = [WRONG_SECRET, world.app.client_secret, world.userToken, ...minted];
    expect(findLeaks(testStack.output(), secrets)).toEqual([]);
    expect(findLeaks(await exportStackText(testStack), secrets)).toEqual([]);
  }

  it("a wrong ghes-oauth:clientSecret in stack config: up, refresh and destroy fail; the fixed secret revokes all 4", async () => {
    const testStack = await createTestStack(program(), world.connectionConfig);
    stacks.push(testStack);
    const up = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(up.summary.resourceChanges).toEqual({ create: 4 });
    expect(await liveScoped()).toBe(4);
    const { scoped } = await stateSecrets(testStack);

    await testStack.stack.setConfig("ghes-oauth:clientSecret", { value: WRONG_SECRET, secret: true });
    await expectFailsLoudlyAndKeepsAll(testStack, /clientSecret from stack config ghes-oauth:clientSecret/);

    await testStack.stack.setConfig("ghes-oauth:clientSecret", {
      value: world.app.client_secret,
      secret: true,
    });
    // As the message says: `pulumi destroy` configures providers from the last update's config.
    const fixed = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(fixed.summary.resourceChanges).toEqual({ same: 4 });
    const destroyed = await testStack.stack.destroy({ onOutput: testStack.onOutput });
    expect(destroyed.summary.resourceChanges).toEqual({ delete: 4 });
    expect(await liveScoped()).toBe(0);
    await expectNoSecretShown(testStack, [...scoped.values()]);
  });

  it("a stale GHES_OAUTH_CLIENT_SECRET in the environment: the same, naming the variable", async () => {
    const env = {
      GHES_OAUTH_BASE_URL: world.emulator.apiUrl,
      GHES_OAUTH_CLIENT_ID: world.app.client_id,
      GHES_OAUTH_CLIENT_SECRET: world.app.client_secret,
    };
    const testStack = await createTestStack(program(), {}, env);
    stacks.push(testStack);
    await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(await liveScoped()).toBe(4);
    const { scoped } = await stateSecrets(testStack);

    testStack.stack.workspace.envVars.GHES_OAUTH_CLIENT_SECRET = WRONG_SECRET;
    await expectFailsLoudlyAndKeepsAll(testStack, /clientSecret from env GHES_OAUTH_CLIENT_SECRET/);

    testStack.stack.workspace.envVars.GHES_OAUTH_CLIENT_SECRET = world.app.client_secret;
    const destroyed = await testStack.stack.destroy({ onOutput: testStack.onOutput });
    expect(destroyed.summary.resourceChanges).toEqual({ delete: 4 });
    expect(await liveScoped()).toBe(0);
    await expectNoSecretShown(testStack, [...scoped.values()]);
  });
});
