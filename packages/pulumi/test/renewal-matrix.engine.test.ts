import { createHash } from "node:crypto";
import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import type { ParentRefresh, ScopedTokenExpiry } from "@ghes-oauth/emulator";
import * as pulumi from "@pulumi/pulumi";
import type { UpResult } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken, ScopedTokenSet, type ScopedTokenSpec, UserToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";
import { TokenConsumer } from "./support/token-consumer.js";

const HOUR = 3600;
const INTERVAL_HOURS = 4;
const RUNS = (3 * 24) / INTERVAL_HOURS; // three simulated days
const RESOURCES_PER_CELL = 6; // the stack itself is one more create

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

interface Behaviour {
  scopedTokenExpiry: ScopedTokenExpiry;
  parentRefresh: ParentRefresh;
}

/** One combination of what GitHub does not document, with its own emulator, clock and resources. */
interface Cell {
  behaviour: Behaviour;
  /** Prefixes the cell's resource names and names its stack output. */
  key: string;
  label: string;
  world: EmulatorWorld;
  client: OAuthAppClient;
  seed: string;
  tally: {
    invalidOutputs: number;
    givenInvalid: number;
    safeHeldInvalid: number;
    immediateHeldInvalid: number;
  };
  /** The next-run set's replaced tokens of the previous run, which must be revoked by the next. */
  previousLeftovers: Set<string>;
}

const BEHAVIOURS: Behaviour[] = (["own", "parent"] as const).flatMap((scopedTokenExpiry) =>
  (["keep-children", "revoke-children"] as const).map((parentRefresh) => ({
    scopedTokenExpiry,
    parentRefresh,
  })),
);
const cellOf = ({ scopedTokenExpiry, parentRefresh }: Behaviour) => ({
  key: `${scopedTokenExpiry}.${parentRefresh}`,
  label: `scopedTokenExpiry ${scopedTokenExpiry}, parentRefresh ${parentRefresh}`,
});

/**
 * One cell's resources in the shared stack, all pointed at the cell's emulator by their `connection`
 * argument: a UserToken, a ScopedToken, a 2-entry ScopedTokenSet that revokes replaced tokens at once (the
 * default) and one that revokes them at the next run, and two consumers fed their tokens.
 */
function declareCell(cell: Cell) {
  const connection = cell.world.connection;
  const name = (resource: string) => `${cell.key}/${resource}`;
  const user = new UserToken(name("user"), { refreshToken: cell.seed, renewBefore: "5h", connection });
  const single = new ScopedToken(name("single"), {
    accessToken: user.accessToken,
    target: "acme",
    repositories: ["api"],
    permissions: { contents: "read" },
    renewBefore: "5h",
    connection,
  });
  const scopes: Record<string, ScopedTokenSpec> = {
    read: { target: "acme", repositories: ["web"], permissions: { contents: "read" } },
    triage: { target: "acme", permissions: { issues: "write" } },
  };
  const immediate = new ScopedTokenSet(name("immediate"), {
    accessToken: user.accessToken,
    scopes,
    renewBefore: "5h",
    connection,
  });
  const nextRun = new ScopedTokenSet(name("next-run"), {
    accessToken: user.accessToken,
    scopes,
    renewBefore: "5h",
    revokeReplaced: "next-run",
    connection,
  });
  const safe = new TokenConsumer(name("safe-consumer"), {
    tokens: { single: single.token, read: nextRun.token("read"), triage: nextRun.token("triage") },
    connection,
  });
  const exposed = new TokenConsumer(name("immediate-consumer"), { tokens: immediate.tokens, connection });
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
}

interface CellOutputs {
  tokens: Record<string, string>;
  safeHeldInvalid: number;
  safeGivenInvalid: number;
  immediateHeldInvalid: number;
  immediateGivenInvalid: number;
}

const outputsOf = (up: UpResult, cell: Cell) => up.outputs[cell.key]?.value as CellOutputs;

const valid = (cell: Cell, token: string) =>
  cell.client.checkToken(token).then(
    () => true,
    (error: unknown) => {
      if (error instanceof NotFoundError) return false;
      throw error;
    },
  );

const liveScoped = async (cell: Cell) =>
  new Set(
    (await cell.world.admin.liveTokens(cell.world.app.client_id))
      .filter((token) => token.scoped)
      .map((token) => token.hashed_token),
  );

/**
 * The scheduled-renewal simulation (`pulumi up` every 4 hours of the emulator's clock for 3 days) under
 * all four combinations of what GitHub does not document (scoped tokens expire with their parent or on
 * their own; refreshing the parent keeps or revokes them), as four cells of one stack so that the 18 runs
 * cost 18 engine operations, not 72. After each run every token in each cell's outputs must work, and each
 * entry has at most one live generation (two for the `next-run` set, whose replaced tokens must be gone
 * after the following run).
 */
describe(`scheduled renewal, ${RUNS} runs every ${INTERVAL_HOURS} h, four behaviours in one stack`, () => {
  const cells: Cell[] = [];
  let testStack: TestStack;
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };

  beforeAll(async () => {
    await Promise.all(
      BEHAVIOURS.map(async (behaviour) => {
        const world = await startEmulatorWorld();
        const client = new OAuthAppClient(world.connection);
        const cell: Cell = {
          behaviour,
          ...cellOf(behaviour),
          world,
          client,
          seed: "",
          tally: { invalidOutputs: 0, givenInvalid: 0, safeHeldInvalid: 0, immediateHeldInvalid: 0 },
          previousLeftovers: new Set(),
        };
        cells.push(cell);
        await world.admin.setBehaviour(behaviour);
        cell.seed = (await world.signIn()).refreshToken ?? "";
        // The world's ready-made user token is not part of this stack: retire it so the counts are the stack's.
        await client.deleteToken(world.userToken);
      }),
    );
    cells.sort((a, b) => BEHAVIOURS.indexOf(a.behaviour) - BEHAVIOURS.indexOf(b.behaviour));
    testStack = await createTestStack(async () =>
      Object.fromEntries(cells.map((cell) => [cell.key, declareCell(cell)])),
    );
  });

  afterAll(async () => {
    for (const { label, tally } of cells) {
      console.log(
        `renewal matrix (${label}): ${RUNS} runs; invalid tokens in outputs after a run: ${tally.invalidOutputs}; invalid tokens given to consumers: ${tally.givenInvalid}; revoked values consumers still held when updated: next-run set and ScopedToken ${tally.safeHeldInvalid}, immediate set ${tally.immediateHeldInvalid}`,
      );
    }
    testStack?.dispose();
    await Promise.all(cells.map(async ({ client, world }) => Promise.all([client.close(), world.close()])));
  });

  describe("the first up", () => {
    let up: UpResult;
    beforeAll(async () => {
      up = await testStack.stack.up(run);
    });

    for (const behaviour of BEHAVIOURS) {
      const { key, label } = cellOf(behaviour);
      it(`${label}: mints every token`, async () => {
        const cell = cells.find((candidate) => candidate.key === key) as Cell;
        expect(up.summary.resourceChanges, "the stack's creates").toEqual({
          create: 1 + RESOURCES_PER_CELL * BEHAVIOURS.length,
        });
        expect((await liveScoped(cell)).size, label).toBe(5);
      });
    }
  });

  for (let runNumber = 1; runNumber <= RUNS; runNumber++) {
    describe(`run ${runNumber} (+${runNumber * INTERVAL_HOURS} h)`, () => {
      let up: UpResult;
      beforeAll(async () => {
        await Promise.all(cells.map((cell) => cell.world.admin.advanceClock(INTERVAL_HOURS * HOUR)));
        up = await testStack.stack.up(run);
      });

      for (const behaviour of BEHAVIOURS) {
        const { key, label } = cellOf(behaviour);
        it(`${label}: every output works, one generation live per entry`, async () => {
          const cell = cells.find((candidate) => candidate.key === key) as Cell;
          const { tally } = cell;
          const outputs = outputsOf(up, cell);
          for (const [name, token] of Object.entries(outputs.tokens)) {
            const works = await valid(cell, token);
            if (!works) tally.invalidOutputs++;
            expect(works, `${label}: ${name}`).toBe(true);
          }
          const given = Number(outputs.safeGivenInvalid) + Number(outputs.immediateGivenInvalid);
          tally.givenInvalid = given;
          expect(given, `${label}: invalid tokens given to consumers`).toBe(0);
          tally.safeHeldInvalid = Number(outputs.safeHeldInvalid);
          tally.immediateHeldInvalid = Number(outputs.immediateHeldInvalid);
          if (behaviour.parentRefresh === "keep-children") {
            // New tokens reach a consumer before the old ones are revoked: ScopedToken by the engine's
            // order, the next-run set by waiting; the immediate set revokes inside its own update.
            expect(tally.safeHeldInvalid, `${label}: next-run set and ScopedToken held revoked`).toBe(0);
            expect(tally.immediateHeldInvalid, `${label}: immediate set held revoked`).toBe(2 * runNumber);
          }

          const live = await liveScoped(cell);
          const current = new Set(Object.values(outputs.tokens).map(sha256));
          const leftovers = new Set([...live].filter((hash) => !current.has(hash)));
          // Only the next-run set's replaced tokens may outlive a run, and only until the next one.
          expect(leftovers.size, `${label}: live tokens not in the outputs`).toBeLessThanOrEqual(2);
          for (const hash of cell.previousLeftovers)
            expect(live.has(hash), `${label}: replaced last run, revoked now`).toBe(false);
          cell.previousLeftovers = leftovers;
          expect(live.size, `${label}: live scoped tokens`).toBeLessThanOrEqual(7);
        });
      }
    });
  }

  describe("destroy", () => {
    beforeAll(async () => {
      await testStack.stack.destroy(run);
    });

    for (const behaviour of BEHAVIOURS) {
      const { key, label } = cellOf(behaviour);
      it(`${label}: leaves the app with no live token`, async () => {
        const cell = cells.find((candidate) => candidate.key === key) as Cell;
        expect(await cell.world.admin.liveTokens(cell.world.app.client_id), label).toEqual([]);
        expect(cell.tally.invalidOutputs, `${label}: invalid tokens in outputs over all runs`).toBe(0);
      });
    }
  });
});
