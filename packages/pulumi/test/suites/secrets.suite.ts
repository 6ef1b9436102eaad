import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorWorld, startEmulatorWorld } from "../support/emulator-world.js";
import { readTree } from "../support/find-files.js";
import { exportStackText } from "../support/pulumi-cli.js";
import { createTestStack, type TestStack } from "../support/test-stack.js";
import type { ScopedTokenUnderTest } from "./scoped-token-under-test.js";

/**
 * No token or client secret in state, state files or CLI output, after up, a rotation, refresh and
 * preview, with the connection from stack config and from the resource's `connection` argument: run
 * against each implementation through `subject`.
 */
export function describeSecretSearch(subject: ScopedTokenUnderTest): void {
  describe(`no ScopedToken secret at rest or in output (${subject.name})`, () => {
    let world: EmulatorWorld;
    let testStack: TestStack;
    const minted = new Set<string>();
    let rotation = "1";

    const program = () => async () => {
      const viaConfig = subject.declare("viaConfig", {
        accessToken: world.userToken,
        target: "acme",
        permissions: { contents: "read" },
        rotationTrigger: rotation,
      });
      const viaArgs = subject.declare("viaArgs", {
        accessToken: world.userToken,
        targetId: world.org.id,
        repositoryIds: [world.org.repositories[0]?.id ?? 0],
        permissions: { issues: "write" },
        connection: {
          baseUrl: world.emulator.apiUrl,
          clientId: world.app.client_id,
          clientSecret: world.app.client_secret,
        },
      });
      return { viaConfig: viaConfig.token, viaArgs: viaArgs.token, last8: viaArgs.tokenLastEight };
    };

    const secrets = () => [world.userToken, world.app.client_secret, ...minted];

    beforeAll(async () => {
      world = await startEmulatorWorld();
      testStack = await createTestStack(program(), world.connectionConfig, subject.env?.() ?? {});
      const first = await testStack.stack.up({ onOutput: testStack.onOutput });
      minted.add(first.outputs.viaConfig?.value);
      minted.add(first.outputs.viaArgs?.value);
      rotation = "2";
      testStack.setProgram(program());
      const rotated = await testStack.stack.up({ onOutput: testStack.onOutput });
      minted.add(rotated.outputs.viaConfig?.value);
      await testStack.stack.refresh({ onOutput: testStack.onOutput });
      await testStack.stack.preview({ onOutput: testStack.onOutput });
    });

    afterAll(async () => {
      await testStack?.stack.destroy().catch(() => undefined);
      testStack?.dispose();
      await world?.close();
    });

    it("minted three distinct tokens (so the searches below look for something real)", () => {
      expect(minted.size).toBe(3);
      for (const token of minted) expect(token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    });

    it("pulumi stack export holds none of them, and encrypted secrets are there", async () => {
      const exported = await exportStackText(testStack);
      expect(exported).toContain(subject.stateType);
      expect(exported).toContain("ciphertext");
      for (const secret of secrets()) expect(exported).not.toContain(secret);
    });

    it("the backend's state files and the project's stack config hold none of them", () => {
      const files = [...readTree(testStack.backendDir), ...readTree(testStack.workDir)];
      expect(files.some((file) => file.text.includes(subject.stateType))).toBe(true);
      for (const file of files) {
        for (const secret of secrets()) expect(file.text, file.path).not.toContain(secret);
      }
    });

    it("the CLI's output of up, refresh and preview holds none of them", () => {
      expect(testStack.output()).toContain("viaConfig");
      for (const secret of secrets()) expect(testStack.output()).not.toContain(secret);
    });
  });
}
