import { OAuthAppClient } from "@ghes-oauth/client";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../src/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

interface TokenSpec {
  name: string;
  permissions: Record<string, string>;
  repositories?: string[];
  rotationTrigger?: string;
}

function programFor(world: EmulatorWorld, specs: TokenSpec[]) {
  return async () => {
    const outputs: Record<string, pulumi.Output<unknown>> = {};
    for (const spec of specs) {
      const token = new ScopedToken(spec.name, {
        accessToken: world.userToken,
        target: "acme",
        repositories: spec.repositories,
        permissions: spec.permissions as never,
        rotationTrigger: spec.rotationTrigger,
      });
      outputs[`${spec.name}Token`] = token.token;
      outputs[`${spec.name}Hash`] = token.hashedToken;
    }
    return outputs;
  };
}

describe("ScopedToken lifecycle under the real engine", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  const specs: TokenSpec[] = [
    { name: "ciRead", permissions: { contents: "read" }, repositories: ["api", "web"] },
    { name: "issueBot", permissions: { issues: "write", metadata: "read" } },
  ];

  beforeAll(async () => {
    world = await startEmulatorWorld();
    client = new OAuthAppClient({
      baseUrl: world.emulator.apiUrl,
      clientId: world.app.client_id,
      clientSecret: world.app.client_secret,
    });
    testStack = await createTestStack(programFor(world, specs), {
      "ghes-oauth:baseUrl": { value: world.emulator.apiUrl },
      "ghes-oauth:clientId": { value: world.app.client_id },
      "ghes-oauth:clientSecret": { value: world.app.client_secret, secret: true },
    });
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("up mints", async () => {
    const result = await testStack.stack.up({ onOutput: testStack.onOutput });
    console.log(testStack.output());
    expect(result.summary.resourceChanges).toEqual({ create: 3 });
    const live = await world.admin.liveTokens(world.app.client_id);
    expect(live.filter((t) => t.scoped)).toHaveLength(2);
  });
});
