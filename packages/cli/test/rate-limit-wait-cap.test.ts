import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../dist/index.js";
import { issueTokens, type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { startHostileWaitProxy } from "./support/hostile-wait-proxy.js";
import { type CliResult, collect, ndjson, runCli, spawnCli } from "./support/run-cli.js";

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-wait-cap-"));
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI, killing it after `limitMs`: before the fix such a run never ended on its own. */
async function runWithin(args: string[], env: Record<string, string>, input: string, limitMs: number) {
  const started = Date.now();
  const child = spawnCli(args, { env, input });
  const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  const result: CliResult = await collect(child);
  clearTimeout(timer);
  return { ...result, ms: Date.now() - started };
}

async function journalResults(path: string): Promise<string[]> {
  const lines = (await readFile(path, "utf8")).split("\n").filter((line) => line !== "");
  return lines.slice(1).map((line) => JSON.parse(line).result as string);
}

const THIRTY_FIVE_DAYS = 35 * 86_400;
const cases = [
  {
    name: "429 with a Retry-After of 35 days (past Node's 24.8-day timer)",
    status: 429 as const,
    headers: () => ({ "retry-after": String(THIRTY_FIVE_DAYS) }),
    until: /until 20\d\d-/,
  },
  {
    name: "403 with x-ratelimit-remaining 0 and a reset ten years away",
    status: 403 as const,
    headers: () => ({
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 10 * 365 * 86_400),
    }),
    until: /until 20\d\d-/,
  },
  {
    name: "429 with a Retry-After past any date",
    status: 429 as const,
    headers: () => ({ "retry-after": "9".repeat(40) }),
    until: /wait forever/,
  },
];

describe("revoke: a rate-limit wait past --max-wait stops the run cleanly (issue 18, defect 5)", () => {
  for (const hostile of cases) {
    it(`${hostile.name}: exits promptly with when to resume, journal intact; the rerun finishes`, async () => {
      const tokens = await issueTokens(emulator, 5);
      const journal = join(dir, `${hostile.status}-${Math.random().toString(36).slice(2)}.journal`);
      const proxy = await startHostileWaitProxy(emulator.apiUrl, 2, hostile.status, hostile.headers);
      const args = ["revoke", "--json", "--concurrency", "1", "--journal", journal];
      let rerun: CliResult;
      try {
        const stopped = await runWithin(
          args,
          { ...emulator.env, GHES_OAUTH_BASE_URL: proxy.apiUrl },
          tokens.join("\n"),
          20_000,
        );
        expect(stopped.signal, "the run ended on its own").toBeNull();
        expect(stopped.ms).toBeLessThan(15_000);
        expect(stopped.code).toBe(1);
        expect(stopped.stderr).toMatch(/stopped: the server asks to wait .*longer than --max-wait 1h00m/);
        expect(stopped.stderr).toMatch(hostile.until);
        expect(stopped.stderr).toContain("3 tokens not tried yet");
        expect(stopped.stderr).toContain(`rerun`);
        expect(stopped.stderr).toContain("with the same --journal to resume");
        expect(stopped.stderr).not.toMatch(/TimeoutOverflowWarning/);
        expect(ndjson(stopped.stdout).map((record) => record.result)).toEqual(["revoked", "revoked"]);
        expect(await journalResults(journal)).toEqual(["revoked", "revoked"]);
        expect(proxy.refused()).toBeGreaterThanOrEqual(1);
        // The rerun, once the limit has passed, against the same server: the journal is for that base URL.
        proxy.calm();
        rerun = await runCli(args, {
          env: { ...emulator.env, GHES_OAUTH_BASE_URL: proxy.apiUrl },
          input: tokens.join("\n"),
        });
      } finally {
        await proxy.close();
      }
      expect(rerun.code).toBe(0);
      const records = ndjson(rerun.stdout);
      expect(records.filter((record) => record.from_journal)).toHaveLength(2);
      expect(records.filter((record) => record.result === "revoked" && !record.from_journal)).toHaveLength(3);
      expect(await journalResults(journal)).toEqual(["revoked", "revoked", "revoked", "revoked", "revoked"]);
      const live = new Set((await emulator.liveAccessTokens()).map((row) => row.hashed_token));
      for (const token of tokens) expect(live.has(fingerprint(token).hashed_token)).toBe(false);
    }, 60_000);
  }

  it("--max-wait 2s stops at a 5 s wait; a bad --max-wait is a usage error", async () => {
    const tokens = await issueTokens(emulator, 2);
    const proxy = await startHostileWaitProxy(emulator.apiUrl, 0, 429, () => ({ "retry-after": "5" }));
    try {
      const stopped = await runWithin(
        ["revoke", "--max-wait", "2s"],
        { ...emulator.env, GHES_OAUTH_BASE_URL: proxy.apiUrl },
        tokens.join("\n"),
        20_000,
      );
      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toMatch(/asks to wait 5s \(until .*\), longer than --max-wait 2s/);
      expect(stopped.stderr).toContain("with --journal FILE a rerun skips what is already done");
    } finally {
      await proxy.close();
    }
    const bad = await runCli(["revoke", "--max-wait", "soon"], { env: emulator.env, input: "" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-wait must be a duration");
  }, 60_000);
});
