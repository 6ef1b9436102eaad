import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, type ScopedTokenArgs } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

type Case = { name: string; property: string; args: (world: EmulatorWorld) => Record<string, unknown> };

const base = (world: EmulatorWorld) => ({
  accessToken: world.userToken,
  target: "acme",
  permissions: { contents: "read" },
});

// Each is an arg set a user could plausibly write; every one must fail at preview, naming the property.
const cases: Case[] = [
  { name: "target and targetId both", property: "target", args: (w) => ({ ...base(w), targetId: 1 }) },
  {
    name: "neither target nor targetId",
    property: "target",
    args: (w) => ({ ...base(w), target: undefined }),
  },
  {
    name: "unknown permission",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { contnets: "read" } }),
  },
  {
    name: "bad level",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { contents: "admin" } }),
  },
  {
    name: "workflows is write-only",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { workflows: "read" } }),
  },
  {
    name: "organization_plan is read-only",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { organization_plan: "write" } }),
  },
  { name: "no permissions", property: "permissions", args: (w) => ({ ...base(w), permissions: {} }) },
  {
    name: "permissions missing",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: undefined }),
  },
  {
    name: "repositories and repositoryIds",
    property: "repositories",
    args: (w) => ({ ...base(w), repositories: ["api"], repositoryIds: [1] }),
  },
  { name: "empty accessToken", property: "accessToken", args: (w) => ({ ...base(w), accessToken: "" }) },
  {
    name: "accessToken with whitespace",
    property: "accessToken",
    args: (w) => ({ ...base(w), accessToken: ` ${w.userToken}\n` }),
  },
  {
    name: "targetId not a number",
    property: "targetId",
    args: (w) => ({ ...base(w), target: undefined, targetId: "42" }),
  },
  {
    name: "negative targetId",
    property: "targetId",
    args: (w) => ({ ...base(w), target: undefined, targetId: -3 }),
  },
  {
    name: "repositoryIds of strings",
    property: "repositoryIds",
    args: (w) => ({ ...base(w), repositoryIds: ["api"] }),
  },
  {
    name: "empty repository name",
    property: "repositories",
    args: (w) => ({ ...base(w), repositories: [""] }),
  },
  {
    name: "repositories not a list",
    property: "repositories",
    args: (w) => ({ ...base(w), repositories: "api" }),
  },
  {
    name: "rotationTrigger not a string",
    property: "rotationTrigger",
    args: (w) => ({ ...base(w), rotationTrigger: 7 }),
  },
  {
    name: "a typo'd property",
    property: "permission",
    args: (w) => ({ ...base(w), permission: { contents: "read" } }),
  },
  {
    name: "connection without https",
    property: "connection",
    args: (w) => ({
      ...base(w),
      connection: {
        baseUrl: "http://github.example.com",
        clientId: w.app.client_id,
        clientSecret: w.app.client_secret,
      },
    }),
  },
  {
    name: "connection missing clientSecret",
    property: "connection",
    args: (w) => ({ ...base(w), connection: { baseUrl: w.emulator.apiUrl, clientId: w.app.client_id } }),
  },
];

describe("invalid ScopedToken arguments fail at preview, before any API call", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    testStack = await createTestStack(async () => {}, world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  it.each(cases)("$name -> names $property", async ({ args, property }) => {
    await world.admin.clearRequests();
    testStack.setProgram(async () => {
      new ScopedToken("bad", args(world) as unknown as ScopedTokenArgs);
    });
    const failure = await testStack.stack.preview({ onOutput: testStack.onOutput }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "preview should fail").toBeInstanceOf(Error);
    const message = String(failure?.message);
    expect(message).toMatch(new RegExp(`property ${property}\\b|has a problem: ${property}[.:]`));
    expect(message).not.toContain(world.userToken);
    expect(message).not.toContain(world.app.client_secret);
    const calls = (await world.admin.requests()).filter((r) => r.path.includes("/applications/"));
    expect(calls).toEqual([]);
  });

  it("a missing connection is named too, with the config keys that fix it", async () => {
    await testStack.stack.removeConfig("ghes-oauth:clientSecret");
    testStack.setProgram(async () => {
      new ScopedToken("bad", { ...base(world), permissions: { contents: "read" } });
    });
    const failure = await testStack.stack.preview().catch((error: Error) => error);
    expect(String((failure as Error).message)).toContain("ghes-oauth:clientSecret");
    expect(String((failure as Error).message)).toContain("GHES_OAUTH_CLIENT_SECRET");
    expect((await world.admin.requests()).filter((r) => r.path.includes("/applications/"))).toEqual([]);
  });

  it("values not known until apply (another token's outputs) are not judged at preview", async () => {
    await testStack.stack.setConfig("ghes-oauth:clientSecret", {
      value: world.app.client_secret,
      secret: true,
    });
    testStack.setProgram(async () => {
      const first = new ScopedToken("first", base(world) as ScopedTokenArgs);
      new ScopedToken("second", {
        accessToken: world.userToken,
        target: first.targetLogin,
        repositories: first.repositorySelection.apply(() => ["api"]),
        permissions: { contents: "read" },
        rotationTrigger: first.hashedToken,
      });
    });
    const preview = await testStack.stack.preview({ onOutput: testStack.onOutput });
    expect(preview.changeSummary).toEqual({ create: 3 });
    expect((await world.admin.requests()).filter((r) => r.path.includes("/applications/"))).toEqual([]);
  });
});
