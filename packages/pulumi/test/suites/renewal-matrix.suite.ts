import { createHash } from "node:crypto";
import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import type { ParentRefresh, ScopedTokenExpiry } from "@ghes-oauth/emulator";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, ScopedTokenSet, type ScopedTokenSpec, UserToken } from "../../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "../support/emulator-world.js";
import { createTestStack, type TestStack } from "../support/test-stack.js";
import { TokenConsumer } from "../support/token-consumer.js";

const HOUR = 3600;
const INTERVAL_HOURS = 4;
const RUNS = (3 * 24) / INTERVAL_HOURS; // three simulated days

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The scheduled-renewal simulation (`pulumi up` every 4 hours of the emulator's clock for 3 days) under
 * one combination of what GitHub does not document. One stack holds both shapes: a UserToken, a
 * ScopedToken, a 2-entry ScopedTokenSet that revokes replaced tokens at once (the default) and one that
 * revokes them at the next run, and two consumers fed their tokens. After each run every token in the
 * outputs must work, and each entry has at most one live generation (two for the `next-run` set, whose
 * replaced tokens must be gone after the following run).
 */
export function describeRenewalMatrix(behaviour: {
  scopedTokenExpiry: ScopedTokenExpiry;
  parentRefresh: ParentRefresh;
}): void {
  const label = `scopedTokenExpiry ${behaviour.scopedTokenExpiry}, parentRefresh ${behaviour.parentRefresh}`;
  describe(`scheduled renewal, ${RUNS} runs every ${INTERVAL_HOURS} h (${label})`, () => {
    let world: EmulatorWorld;
    let testStack: TestStack;
    let client: OAuthAppClient;
    let seed: string;
    const tally = { invalidOutputs: 0, givenInvalid: 0, safeHeldInvalid: 0, immediateHeldInvalid: 0 };
    let previousLeftovers = new Set<string>();

    const program = () => async () => {
      const user = new UserToken("user", { refreshToken: seed, renewBefore: "5h" });
      const single = new ScopedToken("single", {
        accessToken: user.accessToken,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
        renewBefore: "5h",
      });
      const scopes: Record<string, ScopedTokenSpec> = {
        read: { target: "acme", repositories: ["web"], permissions: { contents: "read" } },
        triage: { target: "acme", permissions: { issues: "write" } },
      };
      const immediate = new ScopedTokenSet("immediate", {
        accessToken: user.accessToken,
        scopes,
        renewBefore: "5h",
      });
      const nextRun = new ScopedTokenSet("next-run", {
        accessToken: user.accessToken,
        scopes,
        renewBefore: "5h",
        revokeReplaced: "next-run",
      });
      const safe = new TokenConsumer("safe-consumer", {
        tokens: { single: single.token, read: nextRun.token("read"), triage: nextRun.token("triage") },
        connection: world.connection,
      });
      const exposed = new TokenConsumer("immediate-consumer", {
        tokens: immediate.tokens,
        connection: world.connection,
      });
      return {
        tokens: pulumi.secret({
          single: single.token,
          "immediate.read": immediate.token("read"),
          "immediate.triage": immediate.token("triage"),
          "next-run.read": nextRun.token("read"),
          "next-run.triage": nextRun.token("triage"),
        }),
        safeHeldInvalid: safe.heldInvalid,
        safeGivenInvalid: safe.givenInvalid,
        immediateHeldInvalid: exposed.heldInvalid,
        immediateGivenInvalid: exposed.givenInvalid,
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
    const liveScoped = async () =>
      new Set(
        (await world.admin.liveTokens(world.app.client_id))
          .filter((token) => token.scoped)
          .map((token) => token.hashed_token),
      );

    beforeAll(async () => {
      world = await startEmulatorWorld();
      await world.admin.setBehaviour(behaviour);
      seed = (await world.signIn()).refreshToken ?? "";
      client = new OAuthAppClient(world.connection);
      // The world's ready-made user token is not part of this stack: retire it so the counts are the stack's.
      await client.deleteToken(world.userToken);
      testStack = await createTestStack(program(), world.connectionConfig);
    });

    afterAll(async () => {
      console.log(
        `renewal matrix (${label}): ${RUNS} runs; invalid tokens in outputs after a run: ${tally.invalidOutputs}; invalid tokens given to consumers: ${tally.givenInvalid}; revoked values consumers still held when updated: next-run set and ScopedToken ${tally.safeHeldInvalid}, immediate set ${tally.immediateHeldInvalid}`,
      );
      testStack?.dispose();
      await client?.close();
      await world?.close();
    });

    it("the first up mints every token", async () => {
      const up = await testStack.stack.up(run);
      expect(up.summary.resourceChanges).toEqual({ create: 7 });
      expect((await liveScoped()).size).toBe(5);
    });

    for (let runNumber = 1; runNumber <= RUNS; runNumber++) {
      it(`run ${runNumber} (+${runNumber * INTERVAL_HOURS} h): every output works, one generation live per entry`, async () => {
        await world.admin.advanceClock(INTERVAL_HOURS * HOUR);
        const up = await testStack.stack.up(run);
        const tokens = up.outputs.tokens?.value as Record<string, string>;
        for (const [name, token] of Object.entries(tokens)) {
          const works = await valid(token);
          if (!works) tally.invalidOutputs++;
          expect(works, name).toBe(true);
        }
        const given =
          Number(up.outputs.safeGivenInvalid?.value) + Number(up.outputs.immediateGivenInvalid?.value);
        tally.givenInvalid = given;
        expect(given).toBe(0);
        tally.safeHeldInvalid = Number(up.outputs.safeHeldInvalid?.value);
        tally.immediateHeldInvalid = Number(up.outputs.immediateHeldInvalid?.value);
        if (behaviour.parentRefresh === "keep-children") {
          // New tokens reach a consumer before the old ones are revoked: ScopedToken by the engine's
          // order, the next-run set by waiting; the immediate set revokes inside its own update.
          expect(tally.safeHeldInvalid).toBe(0);
          expect(tally.immediateHeldInvalid).toBe(2 * runNumber);
        }

        const live = await liveScoped();
        const current = new Set(Object.values(tokens).map(sha256));
        const leftovers = new Set([...live].filter((hash) => !current.has(hash)));
        // Only the next-run set's replaced tokens may outlive a run, and only until the next one.
        expect(leftovers.size).toBeLessThanOrEqual(2);
        for (const hash of previousLeftovers)
          expect(live.has(hash), "replaced last run, revoked now").toBe(false);
        previousLeftovers = leftovers;
        expect(live.size).toBeLessThanOrEqual(7);
      });
    }

    it("destroy leaves the app with no live token", async () => {
      await testStack.stack.destroy(run);
      expect(await world.admin.liveTokens(world.app.client_id)).toEqual([]);
      expect(tally.invalidOutputs).toBe(0);
    });
  });
}
