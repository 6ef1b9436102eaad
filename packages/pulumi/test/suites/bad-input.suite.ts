import type { EmulatedApp } from "@ghes-oauth/emulator";
import * as pulumi from "@pulumi/pulumi";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorWorld, startEmulatorWorld } from "../support/emulator-world.js";
import { findLeaks } from "../support/find-leaks.js";
import { createTestStack, type TestStack } from "../support/test-stack.js";
import { type Args, base, type ScopedTokenCase, scopedTokenCases } from "./bad-input-cases.js";
import type { ResourcesUnderTest } from "./resources-under-test.js";

// A user who keeps a value in a secret (config.requireSecret, another resource's secret output) and gets
// it wrong: the same mistakes, with the invalid value wrapped in pulumi.secret.
const asSecret = (kase: ScopedTokenCase): ScopedTokenCase => ({
  ...kase,
  args: (world) => {
    const args = kase.args(world);
    const key = kase.invalid ?? kase.property;
    return { ...args, [key]: pulumi.secret(args[key]) };
  },
});

// A misspelt key is not caught by TypeScript when the args are built in a variable first; whatever it
// holds is not wrapped as a secret by ScopedToken, so only check can keep it out of the output. The
// client secret is another app's: the CLI masks the values of secret stack config in its output, so
// the one in config would hide a leak.
const misspeltKeys = [
  {
    name: "the connection under a misspelt key",
    property: "conection",
    suggestion: "connection",
    args: (w: EmulatorWorld, other: EmulatedApp) => ({
      ...base(w),
      conection: { baseUrl: w.emulator.apiUrl, clientId: other.client_id, clientSecret: other.client_secret },
    }),
  },
  {
    name: "the user token under a misspelt key",
    property: "acessToken",
    suggestion: "accessToken",
    args: (w: EmulatorWorld) => ({ ...base(w), accessToken: undefined, acessToken: w.userToken }),
  },
];

/**
 * Invalid ScopedToken arguments fail at preview, before any API call, naming the property and showing no
 * value: run against each implementation (the dynamic resource, the native provider) through `subject`.
 * Here only what needs the engine: the engine prints the value of a failure's `property`, so the cases
 * whose invalid value is a secret, the misspelt keys holding secrets, the connection missing from stack
 * config, and values unknown at preview. The plain cases are judged by the provider's check in-process
 * (./bad-input-check.suite.ts).
 */
export function describeBadInput(subject: ResourcesUnderTest): void {
  describe(`invalid ScopedToken arguments fail at preview, before any API call (${subject.name})`, () => {
    let world: EmulatorWorld;
    let otherApp: EmulatedApp;
    let testStack: TestStack;
    const secrets = () => [world.userToken, world.app.client_secret, otherApp.client_secret];

    beforeAll(async () => {
      world = await startEmulatorWorld();
      otherApp = await world.admin.createApp({ name: "other-bot" });
      testStack = await createTestStack(async () => {}, world.connectionConfig, subject.env?.() ?? {});
    });

    afterAll(async () => {
      testStack?.dispose();
      await world?.close();
    });

    /** Previews `args`: the failure's message, everything the CLI printed and every engine event. */
    async function previewOf(args: Args) {
      await world.admin.clearRequests();
      testStack.setProgram(async () => {
        subject.scopedToken("bad", args);
      });
      let printed = "";
      const events: EngineEvent[] = [];
      const failure = await testStack.stack
        .preview({ onOutput: (chunk) => (printed += chunk), onEvent: (event) => events.push(event) })
        .then(
          () => undefined,
          (error: Error) => error,
        );
      expect(failure, "preview should fail").toBeInstanceOf(Error);
      const calls = (await world.admin.requests()).filter((r) => r.path.includes("/applications/"));
      expect(calls, "no API call").toEqual([]);
      const message = String(failure?.message);
      return { message, printed: `${printed}\n${message}`, events: JSON.stringify(events) };
    }

    it.each(scopedTokenCases.map(asSecret))(
      "$name, the value a secret -> names $property, shows no value",
      async (kase) => {
        const { message, printed, events } = await previewOf(kase.args(world));
        expect(findLeaks(printed, secrets()), "preview output").toEqual([]);
        expect(findLeaks(events, secrets()), "engine events").toEqual([]);
        expect(message).toMatch(new RegExp(`has a problem: ${kase.property}[.:]`));
      },
    );

    it.each(misspeltKeys)("$name -> names $property, suggests $suggestion, shows no value", async (kase) => {
      const { message, printed, events } = await previewOf(kase.args(world, otherApp));
      expect(findLeaks(printed, secrets()), "preview output").toEqual([]);
      expect(findLeaks(events, secrets()), "engine events").toEqual([]);
      expect(message).toContain(
        `has a problem: ${kase.property}: unknown property; did you mean ${kase.suggestion}?`,
      );
    });

    it("a missing connection is named too, with the config keys that fix it", async () => {
      await testStack.stack.removeConfig("ghes-oauth:clientSecret");
      testStack.setProgram(async () => {
        subject.scopedToken("bad", { ...base(world), permissions: { contents: "read" } });
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
        const first = subject.scopedToken("first", base(world));
        subject.scopedToken("second", {
          accessToken: world.userToken,
          target: first.targetLogin,
          repositories: first.repositorySelection.apply(() => ["api"]),
          permissions: { contents: "read" },
          rotationTrigger: first.hashedToken,
        });
      });
      const preview = await testStack.stack.preview({ onOutput: testStack.onOutput });
      expect(preview.changeSummary).toEqual({ create: 3 + (subject.extraCreates ?? 0) });
      expect((await world.admin.requests()).filter((r) => r.path.includes("/applications/"))).toEqual([]);
    });
  });
}
