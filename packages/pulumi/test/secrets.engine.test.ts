import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, type ScopedTokenArgs, UserToken, type UserTokenArgs } from "../dist/index.js";
import { describeSecretSearch } from "./suites/secrets.suite.js";
import { dynamicResources } from "./support/dynamic-resources.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { exportStackText } from "./support/pulumi-cli.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

// The shared suite (also run against the native provider, in @ghes-oauth/provider) on the dynamic resources.
describeSecretSearch(dynamicResources);

describe("the serialized dynamic providers", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    const seed = (await world.signIn()).refreshToken ?? "";
    testStack = await createTestStack(async () => {
      const user = new UserToken("user", { refreshToken: seed } as UserTokenArgs);
      new ScopedToken("child", {
        accessToken: user.accessToken,
        target: "acme",
        permissions: { contents: "read" },
      } as ScopedTokenArgs);
    }, world.connectionConfig);
    await testStack.stack.up({ onOutput: testStack.onOutput });
  });

  afterAll(async () => {
    await testStack?.stack.destroy().catch(() => undefined);
    testStack?.dispose();
    await world?.close();
  });

  it("the serialized provider is small and carries no code but the stubs", async () => {
    const deployment = JSON.parse(await exportStackText(testStack)).deployment;
    const token = deployment.resources.find((r: { type: string }) =>
      r.type.endsWith("ghes-oauth:ScopedToken"),
    );
    const provider: string = token.inputs.__provider;
    expect(provider.length).toBeLessThan(4096);
    expect(provider).toContain("@ghes-oauth/pulumi/provider-runtime");
    expect(provider).not.toMatch(/undici|zod/);
    const user = deployment.resources.find((r: { type: string }) => r.type.endsWith("ghes-oauth:UserToken"));
    const userProvider: string = user.inputs.__provider;
    expect(userProvider.length).toBeLessThan(4096);
    expect(userProvider).toContain("@ghes-oauth/pulumi/user-token-runtime");
    expect(userProvider).not.toMatch(/undici|zod/);
  });
});
