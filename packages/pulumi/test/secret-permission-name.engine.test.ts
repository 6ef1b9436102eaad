// A permissions map kept in a secret (pulumi.secret, config.requireSecret) with an unknown permission
// name: preview fails naming the field and the count, never the name itself.

import type { Permissions } from "@ghes-oauth/client";
import * as pulumi from "@pulumi/pulumi";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, ScopedTokenSet, type ScopedTokenSpec } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const SECRET_NAME = "zq_secret_permission_name_7f3a";
const OTHER_SECRET_NAME = "zq_other_secret_name_91b2";

describe("an unknown permission name inside a secret map is never echoed", () => {
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

  async function previewFailure(program: () => void) {
    testStack.setProgram(async () => program());
    let printed = "";
    const events: EngineEvent[] = [];
    const message = await testStack.stack
      .preview({ onOutput: (chunk) => (printed += chunk), onEvent: (event) => events.push(event) })
      .then(
        () => "succeeded",
        (error: Error) => error.message,
      );
    return { message, everything: `${message}\n${printed}\n${JSON.stringify(events)}` };
  }

  it("ScopedToken: names permissions and the count of unknown names", async () => {
    const { message, everything } = await previewFailure(() => {
      new ScopedToken("secret-map", {
        accessToken: world.userToken,
        target: "acme",
        permissions: pulumi.secret({ contents: "read", [SECRET_NAME]: "read", [OTHER_SECRET_NAME]: "write" }),
      });
    });
    expect(message).not.toBe("succeeded");
    expect(message).toContain("permissions: 2 unknown permission names");
    expect(message).toMatch(/not named because permissions is a secret/);
    expect(everything).not.toContain(SECRET_NAME);
    expect(everything).not.toContain(OTHER_SECRET_NAME);
  });

  it("ScopedTokenSet: a secret scopes map is summarised the same way", async () => {
    const { message, everything } = await previewFailure(() => {
      new ScopedTokenSet("secret-scopes", {
        accessToken: world.userToken,
        scopes: pulumi.secret({
          ci: { target: "acme", permissions: { [SECRET_NAME]: "read" } },
        }) as pulumi.Input<Record<string, ScopedTokenSpec>>,
      });
    });
    expect(message).toContain("scopes: 1 unknown permission name");
    expect(everything).not.toContain(SECRET_NAME);
  });

  it("a map that is not secret still names the unknown key, with the nearest known name", async () => {
    const { message } = await previewFailure(() => {
      new ScopedToken("plain-map", {
        accessToken: world.userToken,
        target: "acme",
        permissions: { contens: "read" } as Permissions,
      });
    });
    expect(message).toContain('unknown permission "contens"');
  });
});
