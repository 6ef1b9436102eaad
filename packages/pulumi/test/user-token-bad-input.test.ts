import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, type ScopedTokenArgs, UserToken, type UserTokenArgs } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

type Case = {
  name: string;
  property: string;
  says?: RegExp;
  declare: (world: EmulatorWorld, seed: string) => void;
};

const user = (args: Record<string, unknown>) => () => {
  new UserToken("bad", args as unknown as UserTokenArgs);
};

// Each is an arg set a user could plausibly write; every one must fail at preview, naming the property.
const cases: Case[] = [
  { name: "no refreshToken", property: "refreshToken", declare: () => user({})() },
  { name: "empty refreshToken", property: "refreshToken", declare: () => user({ refreshToken: "" })() },
  {
    name: "an access token given as the refreshToken",
    property: "refreshToken",
    says: /access token \(ghu_\.\.\.\), not a refresh token/,
    declare: (world) => user({ refreshToken: world.userToken })(),
  },
  {
    name: "renewBefore in days",
    property: "renewBefore",
    says: /"90m", "2h", "1h30m" or a number of seconds/,
    declare: (_w, seed) => user({ refreshToken: seed, renewBefore: "1d" })(),
  },
  {
    name: "negative renewBefore",
    property: "renewBefore",
    declare: (_w, seed) => user({ refreshToken: seed, renewBefore: -60 })(),
  },
  {
    name: "unknown revokeOnDelete",
    property: "revokeOnDelete",
    says: /"token".*"grant".*"none"/,
    declare: (_w, seed) => user({ refreshToken: seed, revokeOnDelete: "all" })(),
  },
  {
    name: "a typo'd property",
    property: "renewBefor",
    declare: (_w, seed) => user({ refreshToken: seed, renewBefor: "2h" })(),
  },
  {
    name: "connection without https",
    property: "connection",
    declare: (world, seed) =>
      user({
        refreshToken: seed,
        connection: {
          baseUrl: "http://github.example.com",
          clientId: world.app.client_id,
          clientSecret: world.app.client_secret,
        },
      })(),
  },
  {
    name: "ScopedToken renewBefore not a duration",
    property: "renewBefore",
    says: /"90m", "2h", "1h30m"/,
    declare: (world) => {
      new ScopedToken("bad", {
        accessToken: world.userToken,
        target: "acme",
        permissions: { contents: "read" },
        renewBefore: "soon",
      } as ScopedTokenArgs);
    },
  },
];

describe("invalid UserToken (and ScopedToken renewBefore) arguments fail at preview, before any API call", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let seed: string;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    seed = (await world.signIn()).refreshToken ?? "";
    testStack = await createTestStack(async () => {}, world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  it.each(cases)("$name -> names $property", async ({ declare, property, says }) => {
    await world.admin.clearRequests();
    testStack.setProgram(async () => declare(world, seed));
    const failure = await testStack.stack.preview({ onOutput: testStack.onOutput }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "preview should fail").toBeInstanceOf(Error);
    const message = String(failure?.message);
    expect(message).toMatch(new RegExp(`property ${property}\\b|has a problem: ${property}[.:]`));
    if (says) expect(message).toMatch(says);
    for (const secret of [seed, world.userToken, world.app.client_secret]) {
      expect(message).not.toContain(secret);
      expect(testStack.output()).not.toContain(secret);
    }
    const calls = (await world.admin.requests()).filter(
      (request) => request.path.startsWith("/login/") || request.path.includes("/applications/"),
    );
    expect(calls).toEqual([]);
  });
});
