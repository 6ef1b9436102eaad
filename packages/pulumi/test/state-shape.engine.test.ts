import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { exportStackText } from "./support/pulumi-cli.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

// The engine rewrites (and re-encrypts) the whole checkpoint after every step, so each byte and each
// secret a ScopedToken keeps is paid once per step of the stack: state keeps what later operations need.
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Paths of the secret values in a state object. */
function secretPaths(value: unknown, path: string[] = []): string[] {
  if (value === null || typeof value !== "object") return [];
  if (SECRET_SIG in value) return [path.join(".")];
  return Object.entries(value).flatMap(([key, item]) => secretPaths(item, [...path, key]));
}

describe("what a ScopedToken keeps in state", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let parentToken: string;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    parentToken = world.userToken;
    testStack = await createTestStack(async () => {
      new ScopedToken("kept", {
        accessToken: parentToken,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
      });
    }, world.connectionConfig);
  });

  afterAll(async () => {
    await testStack?.stack.destroy();
    testStack?.dispose();
    await world?.close();
  });

  const token = async () => {
    const deployment = JSON.parse(await exportStackText(testStack)).deployment;
    return deployment.resources.find((r: { type: string }) => r.type.endsWith("ghes-oauth:ScopedToken"));
  };

  it("keeps the parent token once (the input, encrypted) and in the outputs only as its sha256", async () => {
    const up = await testStack.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const state = await token();
    expect(secretPaths(state.inputs)).toEqual(["accessToken"]);
    expect(secretPaths(state.outputs)).toEqual(["token"]);
    expect(state.outputs.accessToken).toBeUndefined();
    expect(state.outputs.accessTokenHash).toBe(createHash("sha256").update(parentToken).digest("hex"));
    expect(JSON.stringify(state)).not.toContain(parentToken);
  });

  it("tells an unchanged parent token from its digest: a second up changes nothing", async () => {
    const up = await testStack.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 2 });
  });

  it("tells a different parent token from its digest", async () => {
    const other = await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" });
    parentToken = other.token;
    const preview = await testStack.stack.preview();
    expect(preview.changeSummary.same).toBe(1);
    expect((preview.changeSummary.update ?? 0) + (preview.changeSummary.replace ?? 0)).toBe(1);
    const up = await testStack.stack.up();
    expect(up.summary.resourceChanges?.same).toBe(1);
    const state = await token();
    expect(state.outputs.accessTokenHash).toBe(createHash("sha256").update(parentToken).digest("hex"));
  });
});
