import { OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorWorld, startEmulatorWorld } from "../support/emulator-world.js";
import { readTree } from "../support/find-files.js";
import { exportStackText } from "../support/pulumi-cli.js";
import { stateSecrets } from "../support/state-secrets.js";
import { createTestStack, type TestStack } from "../support/test-stack.js";
import type { ResourcesUnderTest } from "./resources-under-test.js";

/**
 * No token, refresh token, code or client secret at rest (stack export, state files, stack config) or in
 * the CLI's output, through sign-ins, up, a rotation, a renewal, refresh and preview, with connections
 * from stack config and from the resources' `connection` arguments: against each implementation.
 */
export function describeSecretSearch(subject: ResourcesUnderTest): void {
  describe(`no secret at rest or in output (${subject.name})`, () => {
    let world: EmulatorWorld;
    let testStack: TestStack;
    const minted = new Set<string>();
    /** Refresh tokens (seeds and every rotated one) and the UserTokens' access tokens. */
    const userSecrets = new Set<string>();
    /** The sign-ins' codes: device codes, their user codes, web-flow codes. */
    const codes = new Set<string>();
    let rotation = "1";
    let deviceSeed = "";
    let webSeed = "";

    const program = () => async () => {
      const viaDevice = subject.userToken("viaDevice", { refreshToken: deviceSeed });
      const viaWeb = subject.userToken("viaWeb", {
        refreshToken: webSeed,
        revokeOnDelete: "grant",
        connection: {
          baseUrl: world.emulator.apiUrl,
          clientId: world.app.client_id,
          clientSecret: world.app.client_secret,
        },
      });
      const child = subject.scopedToken("child", {
        accessToken: viaDevice.accessToken,
        target: "acme",
        permissions: { contents: "read" },
      });
      const viaConfig = subject.scopedToken("viaConfig", {
        accessToken: world.userToken,
        target: "acme",
        permissions: { contents: "read" },
        rotationTrigger: rotation,
      });
      const viaArgs = subject.scopedToken("viaArgs", {
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
      return {
        viaConfig: viaConfig.token,
        viaArgs: viaArgs.token,
        last8: viaArgs.tokenLastEight,
        child: child.token,
        deviceAccess: viaDevice.accessToken,
        deviceRefresh: viaDevice.refreshToken,
        webUser: viaWeb.userLogin,
      };
    };

    const secrets = () => [world.userToken, world.app.client_secret, ...minted, ...userSecrets, ...codes];

    /** Every token value in state right now joins the searched-for set. */
    const collect = async () => {
      const state = await stateSecrets(testStack);
      for (const token of state.scoped.values()) minted.add(token);
      for (const pair of state.users.values()) {
        userSecrets.add(pair.accessToken);
        userSecrets.add(pair.refreshToken);
      }
    };

    /** Signs octocat in through the device flow and alice through the web flow: two seeds, three codes. */
    const signIns = async () => {
      const client = new OAuthAppClient(world.connection);
      try {
        const device = await client.createDeviceCode();
        codes.add(device.device_code);
        codes.add(device.user_code);
        await world.admin.approveDeviceCode({ user_code: device.user_code, login: "octocat" });
        const deviceGrant = await client.exchangeDeviceCode(device.device_code);
        await world.admin.createAccount({ login: "alice", type: "User" });
        const { code } = await world.admin.createWebFlowCode({
          client_id: world.app.client_id,
          login: "alice",
        });
        codes.add(code);
        const webGrant = await client.exchangeWebFlowCode({ code });
        deviceSeed = deviceGrant.refresh_token ?? "";
        webSeed = webGrant.refresh_token ?? "";
        for (const grant of [deviceGrant, webGrant]) {
          userSecrets.add(grant.access_token);
          userSecrets.add(grant.refresh_token ?? "");
        }
      } finally {
        await client.close();
      }
    };

    beforeAll(async () => {
      world = await startEmulatorWorld();
      await signIns();
      testStack = await createTestStack(program(), world.connectionConfig, subject.env?.() ?? {});
      const first = await testStack.stack.up({ onOutput: testStack.onOutput });
      minted.add(first.outputs.viaConfig?.value);
      minted.add(first.outputs.viaArgs?.value);
      await collect();
      rotation = "2";
      testStack.setProgram(program());
      const rotated = await testStack.stack.up({ onOutput: testStack.onOutput });
      minted.add(rotated.outputs.viaConfig?.value);
      // 7.5 hours later: both UserTokens renew (GitHub rotates their refresh tokens), the child re-mints.
      await world.admin.advanceClock(7.5 * 3600);
      await testStack.stack.preview({ onOutput: testStack.onOutput });
      await testStack.stack.up({ onOutput: testStack.onOutput });
      await collect();
      await testStack.stack.refresh({ onOutput: testStack.onOutput });
      await testStack.stack.preview({ onOutput: testStack.onOutput });
    });

    afterAll(async () => {
      testStack?.dispose();
      await world?.close();
    });

    it("minted distinct tokens, renewed the user tokens and used real codes (so the searches below look for something real)", () => {
      // 7.5 h in, every scoped token is within renewBefore: viaConfig three times (first, rotation,
      // renewal), viaArgs and child twice.
      expect(minted.size).toBe(7);
      for (const token of minted) expect(token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
      // Two sign-ins' pairs, and each UserToken's pair after the first up and after the renewal.
      expect(userSecrets.size).toBe(12);
      expect([...userSecrets].filter((token) => token.startsWith("ghr_"))).toHaveLength(6);
      expect(codes.size).toBe(3);
      for (const code of codes) expect(code.length).toBeGreaterThanOrEqual(8);
    });

    it("pulumi stack export holds none of them", async () => {
      const exported = await exportStackText(testStack);
      expect(exported).toContain(subject.stateTypes.scopedToken);
      expect(exported).toContain(subject.stateTypes.userToken);
      expect(exported).toContain("ciphertext");
      for (const secret of secrets()) expect(exported).not.toContain(secret);
    });

    it("the backend's state files and the project's stack config hold none of them", () => {
      const files = [...readTree(testStack.backendDir), ...readTree(testStack.workDir)];
      expect(files.some((file) => file.text.includes(subject.stateTypes.scopedToken))).toBe(true);
      for (const file of files) {
        for (const secret of secrets()) expect(file.text, file.path).not.toContain(secret);
      }
    });

    it("the CLI's output of up, refresh and preview holds none of them", () => {
      expect(testStack.output()).toContain("viaConfig");
      for (const secret of secrets()) expect(testStack.output()).not.toContain(secret);
    });

    it("state keeps only the seed's hash in plain text, and each UserToken's secrets encrypted", async () => {
      const deployment = JSON.parse(await exportStackText(testStack)).deployment;
      const users = deployment.resources.filter(
        (r: { type: string }) => r.type === subject.stateTypes.userToken,
      );
      expect(users).toHaveLength(2);
      for (const user of users) {
        expect(user.outputs.seedHash).toMatch(/^[0-9a-f]{64}$/);
        for (const property of ["accessToken", "refreshToken"]) {
          expect(user.outputs[property], property).toHaveProperty("ciphertext");
        }
        expect(user.inputs.refreshToken).toHaveProperty("ciphertext");
      }
    });
  });
}
