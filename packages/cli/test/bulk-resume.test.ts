import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fingerprint } from "../dist/index.js";
import { issueTokens, type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { type CliResult, collect, ndjson, runCli, spawnCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

const TOKENS = 5_000;
const GARBAGE = 50;

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-bulk-"));
}, 180_000);
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function journalEntries(path: string): Promise<number> {
  try {
    const text = await readFile(path, "utf8");
    return Math.max(0, text.split("\n").length - 2);
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

it("5,000 tokens and 50 garbage lines: kill -9 twice mid-run, resume with the same journal; 0 live, every line accounted for once, no token value written", async () => {
  const tokens = await issueTokens(emulator, TOKENS, 32);
  expect((await emulator.liveAccessTokens()).length).toBe(TOKENS);
  const lines: string[] = [...tokens];
  for (let index = 0; index < GARBAGE; index++) {
    // Garbage spread through the file: broken tokens, prose, half a line of CSV.
    const garbage = [`ghu_${index}`, `"${tokens[index]?.slice(0, 12)}",`, `leaked on ${index} pastebin`][
      index % 3
    ] as string;
    lines.splice(index * 100 + 7, 0, garbage);
  }
  const input = join(dir, "scanner-findings.txt");
  await writeFile(input, `${lines.join("\n")}\n`);
  const journal = join(dir, "incident.journal");
  const args = ["revoke", "--json", "--concurrency", "8", "--journal", journal, input];
  // A little latency per request so each run is still going when it is killed.
  await emulator.admin.setFaults({ latencyMs: 3, methods: ["DELETE"] });

  const first = await revokeAndKill(args, journal, 1_000);
  const afterFirst = await journalEntries(journal);
  const second = await revokeAndKill(args, journal, afterFirst + 1_500);
  const afterSecond = await journalEntries(journal);
  await emulator.admin.clearFaults();
  const final = await runCli(args, { env: emulator.env });

  expect(first.signal).toBe("SIGKILL");
  expect(second.signal).toBe("SIGKILL");
  expect(afterFirst).toBeLessThan(TOKENS);
  expect(afterSecond).toBeLessThan(TOKENS);
  expect(afterSecond).toBeGreaterThan(afterFirst);
  expect(final.code).toBe(0);
  expect((await emulator.liveAccessTokens()).length).toBe(0);

  // Every input line exactly once in the final run's results, with the right kind.
  const records = ndjson<{ line: number; result: string; hashed_token?: string; from_journal?: boolean }>(
    final.stdout,
  );
  expect(records).toHaveLength(TOKENS + GARBAGE);
  expect(new Set(records.map((record) => record.line)).size).toBe(TOKENS + GARBAGE);
  const expectedLines = lines.map((_, index) => index + 1);
  expect(records.map((record) => record.line).sort((a, b) => a - b)).toEqual(expectedLines);
  const hashOfLine = new Map(lines.map((text, index) => [index + 1, fingerprint(text).hashed_token]));
  const garbageLines = new Set(lines.flatMap((text, index) => (tokens.includes(text) ? [] : [index + 1])));
  for (const record of records) {
    if (garbageLines.has(record.line)) expect(record.result).toBe("malformed");
    else {
      expect(["revoked", "already_gone"]).toContain(record.result);
      expect(record.hashed_token).toBe(hashOfLine.get(record.line));
    }
  }
  const counts = { revoked: 0, already_gone: 0, from_journal: 0 };
  for (const record of records) {
    if (record.result === "revoked") counts.revoked++;
    if (record.result === "already_gone") counts.already_gone++;
    if (record.from_journal) counts.from_journal++;
  }
  expect(counts.revoked + counts.already_gone).toBe(TOKENS);
  expect(counts.from_journal).toBeGreaterThanOrEqual(afterSecond - 16);
  expect(final.stderr).toContain(
    `revoked ${counts.revoked}, already gone ${counts.already_gone}, failed 0; ${counts.from_journal} of them recorded by an earlier run; ${GARBAGE} malformed lines`,
  );
  // What a killed run reported was journalled first: each reported outcome is in the journal.
  const journalText = await readFile(journal, "utf8");
  const journalled = new Set(
    journalText
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => (JSON.parse(line) as { hashed_token: string }).hashed_token),
  );
  for (const killed of [first, second]) {
    const complete = killed.stdout.slice(0, killed.stdout.lastIndexOf("\n") + 1);
    const reported = ndjson<{ result: string; hashed_token?: string }>(complete).filter(
      (record) => record.result !== "malformed",
    );
    expect(reported.length).toBeGreaterThan(0);
    for (const record of reported) expect(journalled.has(record.hashed_token as string)).toBe(true);
  }

  expectNoSecrets(
    [journalText, first.stdout, first.stderr, second.stdout, second.stderr, final.stdout, final.stderr],
    [...tokens, emulator.clientSecret],
  );
  console.log(
    `bulk resume: killed after ${afterFirst} and ${afterSecond} journal entries; final run: ${counts.from_journal} from the journal, ` +
      `revoked ${counts.revoked}, already gone ${counts.already_gone}; journal ${(await stat(journal)).size} bytes`,
  );
}, 300_000);
