import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import type { ParentRefresh } from "@ghes-oauth/emulator";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, ScopedTokenSet, UserToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";
import { TokenConsumer } from "./support/token-consumer.js";

const HOUR = 3600;

// The user token renews at every 4-hourly run (renewBefore 5h); its children are not due (renewBefore
// 1h, 4 h left). Whether they still work depends on what GitHub does to them at the refresh, which it
// does not document: the product must ask, keep the ones that work and re-mint the dead ones.
for (const parentRefresh of ["keep-children", "revoke-children"] as const satisfies ParentRefresh[]) {
  describe(`a parent token renewed while its children are not due (${parentRefresh})`, () => {
    let world: EmulatorWorld;
    let testStack: TestStack;
    let client: OAuthAppClient;
    let seed: string;

    const program = () => async () => {
      const user = new UserToken("user", { refreshToken: seed, renewBefore: "5h" });
      const single = new ScopedToken("single", {
        accessToken: user.accessToken,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
        renewBefore: "1h",
      });
      const set = new ScopedTokenSet("set", {
        accessToken: user.accessToken,
        scopes: {
          a: { target: "acme", repositories: ["web"], permissions: { contents: "read" } },
          b: { target: "acme", permissions: { issues: "write" } },
        },
        renewBefore: "1h",
      });
      const consumer = new TokenConsumer("consumer", {
        tokens: { single: single.token, a: set.token("a"), b: set.token("b") },
        connection: world.connection,
      });
      return {
        tokens: pulumi.secret({ single: single.token, a: set.token("a"), b: set.token("b") }),
        givenInvalid: consumer.givenInvalid,
        heldInvalid: consumer.heldInvalid,
        updates: consumer.updates,
      };
    };
    const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
    const valid = (token: string) =>
      client.checkToken(token).then(
        () => true,
        (error: unknown) => {
          if (error instanceof NotFoundError) return false;
          throw error;
        },
      );
    const requests = async (method: string, suffix: string) =>
      (await world.admin.requests()).filter(
        (request) => request.method === method && request.path.endsWith(suffix),
      ).length;

    beforeAll(async () => {
      world = await startEmulatorWorld();
      await world.admin.setBehaviour({ parentRefresh });
      seed = (await world.signIn()).refreshToken ?? "";
      client = new OAuthAppClient(world.connection);
      // The world's ready-made user token is not part of this stack: retire it so the counts are the stack's.
      await client.deleteToken(world.userToken);
      testStack = await createTestStack(program(), world.connectionConfig);
    });

    afterAll(async () => {
      testStack?.dispose();
      await client?.close();
      await world?.close();
    });

    it("the renewal checks each child once in the same up; only dead ones are re-minted, and every output works", async () => {
      const first = await testStack.stack.up(run);
      const before = first.outputs.tokens?.value as Record<string, string>;
      await world.admin.advanceClock(4 * HOUR);
      await world.admin.clearRequests();

      const up = await testStack.stack.up(run);
      const after = up.outputs.tokens?.value as Record<string, string>;
      const checks = await requests("POST", `/applications/${world.app.client_id}/token`);
      const mints = await requests("POST", "/token/scoped");
      // The consumer checks what it held and what it is given (3 + 3) at each of its updates.
      const consumerChecks = 6 * (Number(up.outputs.updates?.value) - Number(first.outputs.updates?.value));
      // The UserToken checks its new grant once; then one check per child: the ScopedToken and the set's two entries.
      expect(checks - consumerChecks).toBe(1 + 3);
      for (const [name, token] of Object.entries(after)) expect(await valid(token), name).toBe(true);
      expect(up.outputs.givenInvalid?.value).toBe(0);
      if (parentRefresh === "keep-children") {
        expect(up.summary.resourceChanges?.replace).toBeUndefined();
        expect(after).toEqual(before);
        expect(mints).toBe(0);
      } else {
        // Minted anew inside the update: the engine's plan stays an update, and the dead token needs no revoking.
        expect(up.summary.resourceChanges?.replace).toBeUndefined();
        for (const name of Object.keys(before)) expect(after[name], name).not.toBe(before[name]);
        expect(mints).toBe(3);
        // GitHub revoked them at the refresh: what consumers held was dead until this same up replaced it.
        expect(up.outputs.heldInvalid?.value).toBe(3);
      }
      const scoped = (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.scoped);
      expect(scoped).toHaveLength(3);
      expect(testStack.output()).not.toContain(after.single);
    });

    it("destroy leaves no live token", async () => {
      await testStack.stack.destroy(run);
      expect(await world.admin.liveTokens(world.app.client_id)).toEqual([]);
    });
  });
}
