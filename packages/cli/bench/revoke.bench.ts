/**
 * Revocation throughput (tokens/s) against the emulator, at concurrency 1, 8 and 32:
 *   - `ghes-oauth revoke --journal` (the built bin as a process: startup, input, fsync'd journal included),
 *   - @octokit/oauth-methods `deleteToken` at the same concurrency,
 *   - and, once, a plain sequential loop over `@ghes-oauth/client`'s deleteToken.
 * The emulator runs in a child process so it does not share an event loop with the in-process contenders.
 * Build first (`pnpm turbo run build --filter @ghes-oauth/cli...`), then `pnpm --filter @ghes-oauth/cli bench`.
 * BENCH_TOKENS (default 2000) tokens per measurement, fresh for each.
 * BENCH_BASELINE_BIN: the bin of another build (e.g. a checkout of main, built): measured in the same
 * rounds, so the before/after ratio holds on a loaded machine.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { OAuthAppClient } from "@ghes-oauth/client";
import { EmulatorAdmin } from "@ghes-oauth/emulator";
import { startEmulatorProcess } from "@ghes-oauth/emulator/testing";
import { deleteToken as octokitDeleteToken } from "@octokit/oauth-methods";
import { request as octokitRequest } from "@octokit/request";

const TOKENS = Number(process.env.BENCH_TOKENS ?? 2_000);
const CONCURRENCIES = [1, 8, 32];
/** Rounds of every measurement, interleaved; the median is reported (the machine may be shared). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
const BIN = fileURLToPath(new URL("../bin/ghes-oauth.js", import.meta.url));
const BASELINE_BIN = process.env.BENCH_BASELINE_BIN;

async function bounded(
  tokens: readonly string[],
  concurrency: number,
  call: (token: string) => Promise<unknown>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tokens.length) await call(tokens[next++] as string);
    }),
  );
}

function runCli(args: string[], env: Record<string, string>, bin = BIN): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
      stdio: "ignore",
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`ghes-oauth revoke exited ${code}`)),
    );
  });
}

async function main() {
  const { apiUrl, child } = await startEmulatorProcess();
  const dir = await mkdtemp(join(tmpdir(), "ghes-oauth-revoke-bench-"));
  try {
    const admin = new EmulatorAdmin(apiUrl);
    await admin.createAccount({ login: "octocat" });
    const app = await admin.createApp({ name: "Bench" });
    const env = {
      GHES_OAUTH_BASE_URL: apiUrl,
      GHES_OAUTH_CLIENT_ID: app.client_id,
      GHES_OAUTH_CLIENT_SECRET: app.client_secret,
    };
    const issue = async () => {
      const tokens: string[] = [];
      await bounded(Array.from({ length: TOKENS }, String), 32, async () => {
        tokens.push((await admin.issueUserToken({ client_id: app.client_id, login: "octocat" })).token);
      });
      return tokens;
    };
    const assertAllGone = async (label: string) => {
      const live = (await admin.liveTokens(app.client_id)).length;
      if (live !== 0) throw new Error(`${label}: ${live} tokens still live`);
    };
    const measure = async (label: string, revoke: (tokens: string[]) => Promise<void>) => {
      const tokens = await issue();
      const started = performance.now();
      await revoke(tokens);
      const seconds = (performance.now() - started) / 1000;
      await assertAllGone(label);
      return TOKENS / seconds;
    };

    const client = new OAuthAppClient({
      baseUrl: apiUrl,
      clientId: app.client_id,
      clientSecret: app.client_secret,
    });
    const octokit = octokitRequest.defaults({ baseUrl: apiUrl });
    const octokitDelete = (token: string) =>
      octokitDeleteToken({
        clientType: "github-app",
        clientId: app.client_id,
        clientSecret: app.client_secret,
        token,
        request: octokit,
      });
    let round = 0;
    const cli =
      (concurrency: number, bin = BIN) =>
      async (tokens: string[]) => {
        const input = join(dir, `tokens-${round}.txt`);
        const journal = join(dir, `journal-${round++}.ndjson`);
        await writeFile(input, `${tokens.join("\n")}\n`);
        await runCli(["revoke", "--concurrency", String(concurrency), "--journal", journal, input], env, bin);
      };

    // Warm-up (connections, JIT) for the in-process contenders; not measured.
    await measure("warm-up", (tokens) => bounded(tokens, 8, (token) => client.deleteToken(token)));
    await measure("warm-up", (tokens) => bounded(tokens, 8, octokitDelete));

    // The CLI's fixed cost per run (process start, module load, an empty journal's fsync), to separate it out.
    const startupSeconds = await (async () => {
      const input = join(dir, "empty.txt");
      await writeFile(input, "");
      const started = performance.now();
      for (let index = 0; index < 5; index++)
        await runCli(["revoke", "--journal", join(dir, `empty-${index}.ndjson`), input], env);
      return (performance.now() - started) / 5000;
    })();

    const samples = new Map<string, number[]>();
    const sample = async (label: string, revoke: (tokens: string[]) => Promise<void>) => {
      const rate = await measure(label, revoke);
      samples.set(label, [...(samples.get(label) ?? []), rate]);
    };
    for (let index = 0; index < ROUNDS; index++) {
      await sample("client loop", async (tokens) => {
        for (const token of tokens) await client.deleteToken(token);
      });
      for (const concurrency of CONCURRENCIES) {
        await sample(`cli ${concurrency}`, cli(concurrency));
        if (BASELINE_BIN) await sample(`baseline ${concurrency}`, cli(concurrency, BASELINE_BIN));
        await sample(`octokit ${concurrency}`, (tokens) => bounded(tokens, concurrency, octokitDelete));
      }
    }
    const rate = (label: string) => median(samples.get(label) ?? []);
    const sequential = rate("client loop");
    const rows: [number, number, number, number][] = CONCURRENCIES.map((concurrency) => {
      const viaCli = rate(`cli ${concurrency}`);
      return [
        concurrency,
        viaCli,
        TOKENS / (TOKENS / viaCli - startupSeconds),
        rate(`octokit ${concurrency}`),
      ];
    });
    await client.close();

    console.log(
      `revoke throughput, ${TOKENS} fresh tokens per measurement, median of ${ROUNDS} interleaved rounds, emulator in its own process:`,
    );
    console.log(`  sequential loop over @ghes-oauth/client deleteToken: ${sequential.toFixed(0)} tokens/s`);
    console.log(
      `  ghes-oauth revoke fixed cost per run (start-up, empty journal): ${(startupSeconds * 1000).toFixed(0)} ms`,
    );
    console.log(
      "  concurrency  cli (whole run)  cli (minus fixed cost)  octokit deleteToken  cli steady / octokit",
    );
    for (const [concurrency, viaCli, cliSteady, viaOctokit] of rows) {
      console.log(
        `  ${String(concurrency).padStart(11)}  ${viaCli.toFixed(0).padStart(13)}/s  ${cliSteady.toFixed(0).padStart(20)}/s  ${viaOctokit.toFixed(0).padStart(17)}/s  ${(cliSteady / viaOctokit).toFixed(2).padStart(19)}x`,
      );
    }
    if (BASELINE_BIN) {
      console.log("  the same run, against the baseline build (BENCH_BASELINE_BIN), whole runs:");
      console.log(
        "  concurrency  baseline cli  this cli  this / baseline  baseline / octokit  this / octokit",
      );
      for (const concurrency of CONCURRENCIES) {
        const baseline = rate(`baseline ${concurrency}`);
        const current = rate(`cli ${concurrency}`);
        const octokitRate = rate(`octokit ${concurrency}`);
        console.log(
          `  ${String(concurrency).padStart(11)}  ${baseline.toFixed(0).padStart(10)}/s  ${current.toFixed(0).padStart(6)}/s  ${(current / baseline).toFixed(2).padStart(14)}x  ${(baseline / octokitRate).toFixed(2).padStart(16)}x  ${(current / octokitRate).toFixed(2).padStart(13)}x`,
        );
      }
    }
  } finally {
    child.kill("SIGTERM");
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
