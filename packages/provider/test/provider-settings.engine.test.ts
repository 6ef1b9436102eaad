import * as ghes from "@ghes-oauth/provider-sdk";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { findLeaks } from "../../pulumi/test/support/find-leaks.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { createTestStack, type TestStack } from "../../pulumi/test/support/test-stack.js";
import { pluginEnv } from "./support/plugin-env.js";

// The provider's own settings are checked at preview (CheckConfig), before any API call, naming the
// setting and never showing a value.
describe("invalid provider settings fail at preview", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    testStack = await createTestStack(async () => {}, {}, pluginEnv());
  });

  afterAll(async () => {
    testStack?.dispose();
    await world?.close();
  });

  const cases = [
    { setting: "baseUrl", args: () => ({ baseUrl: "http://github.example.com" }), says: "must use https://" },
    { setting: "webUrl", args: () => ({ webUrl: "ftp://github.example.com" }), says: "https://" },
    { setting: "clientId", args: () => ({ clientId: "" }), says: "must not be empty" },
  ];

  it.each(cases)("$setting -> names it, shows no value, calls no API", async ({ setting, args, says }) => {
    await world.admin.clearRequests();
    testStack.setProgram(async () => {
      const provider = new ghes.Provider("bad", {
        baseUrl: world.emulator.apiUrl,
        clientId: world.app.client_id,
        clientSecret: pulumi.secret(world.app.client_secret),
        ...args(),
      });
      new ghes.ScopedToken(
        "token",
        { accessToken: world.userToken, target: "acme", permissions: { contents: "read" } },
        { provider },
      );
    });
    let printed = "";
    const failure = await testStack.stack.preview({ onOutput: (chunk) => (printed += chunk) }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "preview should fail").toBeInstanceOf(Error);
    const message = String(failure?.message);
    expect(message).toContain(`provider setting ${setting}: `);
    expect(message).toContain(says);
    expect(findLeaks(`${printed}\n${message}`, [world.app.client_secret, world.userToken])).toEqual([]);
    const calls = (await world.admin.requests()).filter((request) => request.path.includes("/applications/"));
    expect(calls).toEqual([]);
  });
});
