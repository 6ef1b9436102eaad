import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { exportStackText } from "./support/pulumi-cli.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const COUNT = 20;

const liveScopedHashes = async (world: EmulatorWorld) =>
  new Set(
    (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped).map((t) => t.hashed_token),
  );

async function hashesInState(testStack: TestStack): Promise<Set<string>> {
  const deployment = JSON.parse(await exportStackText(testStack)).deployment;
  return new Set(
    (deployment.resources ?? [])
      .filter((r: { type: string }) => r.type.endsWith("ghes-oauth:ScopedToken"))
      .map((r: { outputs: { hashedToken: string } }) => r.outputs.hashedToken),
  );
}

/** Runs a stack operation that may fail under faults; a failure must be clean (no secret in it). */
async function tolerate(world: EmulatorWorld, operation: () => Promise<unknown>): Promise<"ok" | "failed"> {
  try {
    await operation();
    return "ok";
  } catch (error) {
    const message = String((error as Error).message);
    expect(message).not.toContain(world.userToken);
    expect(message).not.toContain(world.app.client_secret);
    return "failed";
  }
}

describe(`${COUNT} tokens under injected faults`, () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  const outcomes: Record<string, string> = {};

  beforeAll(async () => {
    world = await startEmulatorWorld();
    testStack = await createTestStack(async () => {
      for (let i = 0; i < COUNT; i++) {
        new ScopedToken(`token-${i}`, {
          accessToken: world.userToken,
          target: "acme",
          repositories: [["api", "web", "docs", "infra"][i % 4] as string],
          permissions: i % 2 === 0 ? { contents: "read" } : { issues: "write", metadata: "read" },
        });
      }
    }, world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  it("with 10% 503s and 10% resets on every token path, up never leaves a token the state does not know", async () => {
    await world.admin.setFaults({ status: 503, rate: 0.1, resetRate: 0.1, path: "/applications/" });
    outcomes.faultyUp = await tolerate(world, () => testStack.stack.up({ onOutput: testStack.onOutput }));
    await world.admin.clearFaults();
    // A mint is never retried blindly, so every live scoped token is one the stack recorded.
    expect(await liveScopedHashes(world)).toEqual(await hashesInState(testStack));
    const converged = await testStack.stack.up({ onOutput: testStack.onOutput });
    expect(converged.summary.result).toBe("succeeded");
    expect((await liveScopedHashes(world)).size).toBe(COUNT);
    expect(await hashesInState(testStack)).toEqual(await liveScopedHashes(world));
  });

  it("with 10% 503s and resets on the check and delete paths, refresh and destroy complete or fail cleanly", async () => {
    await world.admin.setFaults({ status: 503, rate: 0.1, resetRate: 0.1, pathPattern: "**/token" });
    outcomes.refresh = await tolerate(world, () => testStack.stack.refresh({ onOutput: testStack.onOutput }));
    outcomes.destroy = await tolerate(world, () => testStack.stack.destroy({ onOutput: testStack.onOutput }));
    const faulted = (await world.admin.requests()).filter((r) => r.status === 503 || r.status === 0);
    expect(faulted.length, "faults were injected").toBeGreaterThan(0);
    await world.admin.clearFaults();
    if (outcomes.destroy === "failed") {
      // What a failed destroy left behind is still in state, so a second destroy finishes the job.
      expect(await liveScopedHashes(world)).toEqual(await hashesInState(testStack));
      await testStack.stack.destroy({ onOutput: testStack.onOutput });
    }
    expect(await liveScopedHashes(world)).toEqual(new Set());
    expect(testStack.output()).not.toContain(world.userToken);
    console.log(`faults: outcomes ${JSON.stringify(outcomes)}, ${faulted.length} faulted requests`);
  });
});
