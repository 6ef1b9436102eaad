/**
 * Bulk revocation under GitHub's rate limits, with a kill -9 mid-run: BENCH_TOKENS (default 5,000) tokens
 * revoked by `ghes-oauth revoke --journal` against an emulator with the primary limit, then with the
 * secondary limit, each 500 requests per 5 s (BENCH_LIMIT, BENCH_WINDOW); the run is killed with SIGKILL
 * once the journal holds a third of the tokens and rerun with the same journal. Reports the wall time,
 * the answers refused by the limit, and the live, failed and lost counts (each must be 0).
 * Build first (`pnpm turbo run build --filter @ghes-oauth/cli...`), then
 * `pnpm --filter @ghes-oauth/cli exec tsx bench/revoke-under-limits.bench.ts`.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type BehaviourInput, EmulatorAdmin } from "@ghes-oauth/emulator";
import { startEmulatorProcess } from "@ghes-oauth/emulator/testing";

const TOKENS = Number(process.env.BENCH_TOKENS ?? 5_000);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 500);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 5);
const BIN = fileURLToPath(new URL("../bin/ghes-oauth.js", import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  const done = new Promise<Run>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, done };
}

async function journalEntries(path: string): Promise<number> {
  try {
    return Math.max(0, (await readFile(path, "utf8")).split("\n").length - 2);
  } catch {
    return 0;
  }
}

async function main() {
  const { apiUrl, child } = await startEmulatorProcess();
  const dir = await mkdtemp(join(tmpdir(), "ghes-oauth-revoke-limits-bench-"));
  try {
    const admin = new EmulatorAdmin(apiUrl);
    await admin.createAccount({ login: "octocat" });
    const app = await admin.createApp({ name: "Bench" });
    const env = {
      GHES_OAUTH_BASE_URL: apiUrl,
      GHES_OAUTH_CLIENT_ID: app.client_id,
      GHES_OAUTH_CLIENT_SECRET: app.client_secret,
    };
    const cases: [string, NonNullable<BehaviourInput["rateLimit"]>][] = [
      ["primary", { primary: { limit: LIMIT, windowSeconds: WINDOW } }],
      ["secondary", { secondary: { limit: LIMIT, windowSeconds: WINDOW } }],
    ];
    console.log(
      `revoke of ${TOKENS} tokens, concurrency 8, ${LIMIT} requests per ${WINDOW} s, kill -9 at a third, rerun with the journal:`,
    );
    for (const [name, rateLimit] of cases) {
      await admin.setBehaviour({ rateLimit: null });
      const tokens: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (next++ < TOKENS)
            tokens.push((await admin.issueUserToken({ client_id: app.client_id, login: "octocat" })).token);
        }),
      );
      const input = join(dir, `${name}.txt`);
      const journal = join(dir, `${name}.journal`);
      await writeFile(input, `${tokens.join("\n")}\n`);
      await admin.clearRequests();
      await admin.setBehaviour({ rateLimit });
      const args = ["revoke", "--json", "--concurrency", "8", "--journal", journal, input];
      const started = performance.now();
      const first = startCli(args, env);
      let exited = false;
      void first.done.then(() => {
        exited = true;
      });
      while (!exited && (await journalEntries(journal)) < TOKENS / 3) await sleep(5);
      first.child.kill("SIGKILL");
      const killed = await first.done;
      const atKill = await journalEntries(journal);
      const final = await startCli(args, env).done;
      const seconds = (performance.now() - started) / 1000;
      await admin.setBehaviour({ rateLimit: null });
      const records = final.stdout
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as { line: number; result: string });
      const lines = new Set(records.map((record) => record.line));
      const failed = records.filter((record) => record.result === "failed").length;
      const lost = TOKENS - lines.size;
      const live = (await admin.liveTokens(app.client_id)).filter((row) => row.kind === "access").length;
      const refused = (await admin.requests()).filter((request) =>
        [403, 429].includes(request.status),
      ).length;
      console.log(
        `  ${name.padEnd(9)}: ${seconds.toFixed(1)} s (ideal ${((TOKENS / LIMIT) * WINDOW).toFixed(0)} s), killed by ${killed.signal} after ${atKill} journal entries, rerun exit ${final.code}; ${refused} answers refused by the limit; live ${live}, failed ${failed}, lost ${lost}`,
      );
      if (live !== 0 || failed !== 0 || lost !== 0 || final.code !== 0) process.exitCode = 1;
    }
  } finally {
    child.kill("SIGTERM");
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
