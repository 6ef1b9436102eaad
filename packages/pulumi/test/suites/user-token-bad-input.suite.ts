import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorWorld, startEmulatorWorld } from "../support/emulator-world.js";
import { createTestStack, type TestStack } from "../support/test-stack.js";
import type { ResourcesUnderTest } from "./resources-under-test.js";

type Case = {
  name: string;
  property: string;
  says?: RegExp;
  declare: (subject: ResourcesUnderTest, world: EmulatorWorld, seed: string) => void;
};

const user = (args: Record<string, unknown>) => (subject: ResourcesUnderTest) => {
  subject.userToken("bad", args);
};

// Each is an arg set a user could plausibly write; every one must fail at preview, naming the property.
const cases: Case[] = [
  { name: "no refreshToken", property: "refreshToken", declare: (s) => user({})(s) },
  { name: "empty refreshToken", property: "refreshToken", declare: (s) => user({ refreshToken: "" })(s) },
  {
    name: "an access token given as the refreshToken",
    property: "refreshToken",
    says: /access token \(ghu_\.\.\.\), not a refresh token/,
    declare: (s, world) => user({ refreshToken: world.userToken })(s),
  },
  {
    name: "renewBefore in days",
    property: "renewBefore",
    says: /"90m", "2h", "1h30m" or a number of seconds/,
    declare: (s, _w, seed) => user({ refreshToken: seed, renewBefore: "1d" })(s),
  },
  {
    name: "negative renewBefore",
    property: "renewBefore",
    declare: (s, _w, seed) => user({ refreshToken: seed, renewBefore: -60 })(s),
  },
  {
    name: "unknown revokeOnDelete",
    property: "revokeOnDelete",
    says: /"token".*"grant".*"none"/,
    declare: (s, _w, seed) => user({ refreshToken: seed, revokeOnDelete: "all" })(s),
  },
  {
    name: "a typo'd property",
    property: "renewBefor",
    declare: (s, _w, seed) => user({ refreshToken: seed, renewBefor: "2h" })(s),
  },
  {
    name: "connection without https",
    property: "connection",
    declare: (s, world, seed) =>
      user({
        refreshToken: seed,
        connection: {
          baseUrl: "http://github.example.com",
          clientId: world.app.client_id,
          clientSecret: world.app.client_secret,
        },
      })(s),
  },
  {
    name: "ScopedToken renewBefore not a duration",
    property: "renewBefore",
    says: /"90m", "2h", "1h30m"/,
    declare: (s, world) => {
      s.scopedToken("bad", {
        accessToken: world.userToken,
        target: "acme",
        permissions: { contents: "read" },
        renewBefore: "soon",
      });
    },
  },
];

/** Invalid UserToken (and ScopedToken renewBefore) arguments, against each implementation (`subject`). */
export function describeUserTokenBadInput(subject: ResourcesUnderTest): void {
  describe(`invalid UserToken (and ScopedToken renewBefore) arguments fail at preview, before any API call (${subject.name})`, () => {
    let world: EmulatorWorld;
    let testStack: TestStack;
    let seed: string;

    beforeAll(async () => {
      world = await startEmulatorWorld();
      seed = (await world.signIn()).refreshToken ?? "";
      testStack = await createTestStack(async () => {}, world.connectionConfig, subject.env?.() ?? {});
    });

    afterAll(async () => {
      testStack?.dispose();
      await world?.close();
    });

    it.each(cases)("$name -> names $property", async ({ declare, property, says }) => {
      await world.admin.clearRequests();
      testStack.setProgram(async () => declare(subject, world, seed));
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
}
