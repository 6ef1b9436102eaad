import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { BehaviourInput } from "@ghes-oauth/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueTokens, type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { type CliResult, collect, ndjson, runCli, spawnCli } from "./support/run-cli.js";

// Kept small (1,000 tokens, short windows) so each case waits seconds; the 5,000-token version with
// 500 requests per 5 s is bench/revoke-under-limits.bench.ts.
const TOKENS = 1_000;

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-limits-"));
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

async function journalEntries(path: string): Promise<number> {
  try {
    return Math.max(0, (await readFile(path, "utf8")).split("\n").length - 2);
  } catch {
    return 0;
  }
}

/** Starts revoke and kills it with SIGKILL once the journal holds more than `entries` entries. */
async function revokeAndKill(args: string[], journal: string, entries: number): Promise<CliResult> {
  const child = spawnCli(args, { env: emulator.env });
  const result = collect(child);
  let exited = false;
  void result.then(() => {
    exited = true;
  });
  while (!exited && (await journalEntries(journal)) <= entries) await sleep(5);
  child.kill("SIGKILL");
  return result;
}

const limits: { name: string; rateLimit: NonNullable<BehaviourInput["rateLimit"]> }[] = [
  {
    name: "the primary limit (400 requests per 3 s)",
    rateLimit: { primary: { limit: 400, windowSeconds: 3 } },
  },
  {
    name: "the secondary limit (200 mutating requests per 2 s, answered 429)",
    rateLimit: { secondary: { limit: 200, windowSeconds: 2, status: 429 } },
  },
];

describe(`revoke ${TOKENS} tokens under GitHub's rate limits, with a kill -9 mid-run`, () => {
  for (const { name, rateLimit } of limits) {
    it(`${name}: 0 live, 0 failed, 0 lost; the waits are reported`, async () => {
      await emulator.admin.setBehaviour({ rateLimit: null });
      const tokens = await issueTokens(emulator, TOKENS, 32);
      const input = join(dir, `tokens-${Object.keys(rateLimit)[0]}.txt`);
      const journal = join(dir, `${Object.keys(rateLimit)[0]}.journal`);
      await writeFile(input, `${tokens.join("\n")}\n`);
      await emulator.admin.setBehaviour({ rateLimit });
      const args = ["revoke", "--json", "--concurrency", "8", "--journal", journal, input];
      const started = Date.now();

      const killed = await revokeAndKill(args, journal, 300);
      const afterKill = await journalEntries(journal);
      const final = await runCli(args, { env: emulator.env });
      const seconds = (Date.now() - started) / 1000;
      await emulator.admin.setBehaviour({ rateLimit: null });

      expect(killed.signal).toBe("SIGKILL");
      expect(afterKill).toBeLessThan(TOKENS);
      expect(final.code, final.stderr).toBe(0);
      expect(final.stderr).toMatch(/rate limited: every worker pauses \d+s as the server asked/);
      const records = ndjson<{ line: number; result: string; from_journal?: boolean }>(final.stdout);
      expect(records).toHaveLength(TOKENS);
      expect(new Set(records.map((record) => record.line)).size).toBe(TOKENS);
      expect(records.filter((record) => record.result === "failed")).toEqual([]);
      for (const record of records) expect(["revoked", "already_gone"]).toContain(record.result);
      expect((await emulator.liveAccessTokens()).length).toBe(0);
      const refused = (await emulator.admin.requests()).filter((request) =>
        [403, 429].includes(request.status),
      );
      await emulator.admin.clearRequests();
      expect(refused.length).toBeGreaterThan(0);
      console.log(
        `revoke under ${name}: ${TOKENS} tokens, killed after ${afterKill} journal entries, ${refused.length} answers refused by the limit, 0 failed, 0 live, ${seconds.toFixed(1)} s in all`,
      );
    }, 120_000);
  }
});
