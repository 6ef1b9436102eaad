import { cpus, loadavg } from "node:os";
import { startEmulatorProcess } from "@ghes-oauth/emulator/testing";
import { checkToken as octokitCheckToken } from "@octokit/oauth-methods";
import { request as octokitRequest } from "@octokit/request";
import { Pool, request as undiciRequest } from "undici";
import { OAuthAppClient } from "../dist/index.js";

const CONCURRENCY = 32;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const SLICES = Number(process.env.BENCH_SLICES ?? 10);

async function admin<T>(origin: string, path: string, body: unknown): Promise<T> {
  const response = await undiciRequest(`${origin}/_emulator${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`${path}: ${response.statusCode} ${text}`);
  return JSON.parse(text) as T;
}

/** Runs `total` calls with `CONCURRENCY` in flight; returns the elapsed milliseconds. */
async function drive(total: number, call: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await call();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now() - begin;
}

async function main() {
  const { apiUrl, child } = await startEmulatorProcess();
  const origin = new URL(apiUrl).origin;
  try {
    await admin(origin, "/accounts", { login: "octocat", type: "User" });
    const app = await admin<{ client_id: string; client_secret: string }>(origin, "/apps", { name: "Bench" });
    const { token } = await admin<{ token: string }>(origin, "/tokens", {
      client_id: app.client_id,
      login: "octocat",
    });

    const client = new OAuthAppClient({
      baseUrl: apiUrl,
      clientId: app.client_id,
      clientSecret: app.client_secret,
    });

    const pool = new Pool(origin);
    const rawPath = `${new URL(apiUrl).pathname}/applications/${app.client_id}/token`;
    const rawHeaders = {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "raw-undici",
      authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64")}`,
      "content-type": "application/json; charset=utf-8",
    };
    const rawBody = JSON.stringify({ access_token: token });
    const raw = async () => {
      const response = await pool.request({
        path: rawPath,
        method: "POST",
        headers: rawHeaders,
        body: rawBody,
      });
      const data = (await response.body.json()) as { token: string };
      if (response.statusCode !== 200 || data.token !== token) throw new Error(`raw: ${response.statusCode}`);
    };

    const ours = async () => {
      const authorization = await client.checkToken(token);
      if (authorization.token !== token) throw new Error("client: wrong token");
    };

    const octokitDefaults = octokitRequest.defaults({ baseUrl: apiUrl });
    const octokit = async () => {
      const { data } = await octokitCheckToken({
        clientType: "github-app",
        clientId: app.client_id,
        clientSecret: app.client_secret,
        token,
        request: octokitDefaults,
      });
      if (data.token !== token) throw new Error("octokit: wrong token");
    };

    const contenders = [
      ["@ghes-oauth/client", ours],
      ["raw undici Pool.request", raw],
      ["@octokit/oauth-methods", octokit],
    ] as const;
    type Name = (typeof contenders)[number][0];
    const calls = new Map<Name, () => Promise<void>>(contenders);
    for (const [, call] of contenders) await drive(WARMUP, call);
    const slice = Math.ceil(REQUESTS / SLICES / 2);

    interface Totals {
      wallMs: number;
      cpuMicros: number;
      requests: number;
    }
    /**
     * Two contenders in ABBA rounds (a b b a, then b a a b): each runs as often first as second, so the
     * garbage one leaves for the next collection, and load changes on the machine, fall on both alike.
     * Returns each one's totals and the median over rounds of a's CPU / b's CPU.
     */
    const compare = async (a: Name, b: Name) => {
      const totals = new Map<Name, Totals>([
        [a, { wallMs: 0, cpuMicros: 0, requests: 0 }],
        [b, { wallMs: 0, cpuMicros: 0, requests: 0 }],
      ]);
      const ratios: number[] = [];
      for (let round = 0; round < SLICES; round++) {
        const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
        const roundCpu = new Map<Name, number>([
          [a, 0],
          [b, 0],
        ]);
        for (const name of [first, second, second, first]) {
          const before = process.cpuUsage();
          const wallMs = await drive(slice, calls.get(name) as () => Promise<void>);
          const used = process.cpuUsage(before);
          const total = totals.get(name) as Totals;
          total.wallMs += wallMs;
          total.cpuMicros += used.user + used.system;
          total.requests += slice;
          roundCpu.set(name, (roundCpu.get(name) ?? 0) + used.user + used.system);
        }
        ratios.push((roundCpu.get(a) ?? 0) / (roundCpu.get(b) ?? 1));
      }
      const medianRatio = ratios.sort((x, y) => x - y)[Math.floor(ratios.length / 2)] as number;
      return { totals, medianRatio };
    };
    // Octokit allocates several times what the others do: it is compared with the client on its own,
    // after the client-vs-raw rounds, so its garbage is not collected on their time.
    const vsRaw = await compare("@ghes-oauth/client", "raw undici Pool.request");
    const vsOctokit = await compare("@ghes-oauth/client", "@octokit/oauth-methods");

    const line = (name: Name, totals: Totals) =>
      `  ${name.padEnd(26)} ${((totals.requests / totals.wallMs) * 1000).toFixed(0).padStart(7)} req/s, ` +
      `${(totals.cpuMicros / totals.requests).toFixed(1)} µs CPU per request (${totals.requests} requests)`;
    const of = (result: typeof vsRaw, name: Name) => result.totals.get(name) as Totals;
    console.log(
      `check-token after ${WARMUP} warm-up each, concurrency ${CONCURRENCY}, ${SLICES} ABBA rounds of ${slice}-request slices:`,
    );
    console.log(line("@ghes-oauth/client", of(vsRaw, "@ghes-oauth/client")));
    console.log(line("raw undici Pool.request", of(vsRaw, "raw undici Pool.request")));
    console.log("  then, in rounds of their own:");
    console.log(line("@ghes-oauth/client", of(vsOctokit, "@ghes-oauth/client")));
    console.log(line("@octokit/oauth-methods", of(vsOctokit, "@octokit/oauth-methods")));
    const cpuRatio = vsRaw.medianRatio;
    const totalCpuRatio =
      of(vsRaw, "@ghes-oauth/client").cpuMicros / of(vsRaw, "raw undici Pool.request").cpuMicros;
    const wallRatio = of(vsRaw, "@ghes-oauth/client").wallMs / of(vsRaw, "raw undici Pool.request").wallMs;
    const throughputVsOctokit =
      of(vsOctokit, "@octokit/oauth-methods").wallMs / of(vsOctokit, "@ghes-oauth/client").wallMs;
    console.log(
      `  client CPU / raw undici CPU: ${cpuRatio.toFixed(3)}x median of rounds, ${totalCpuRatio.toFixed(3)}x overall ` +
        `(goal <= 1.15x) ${cpuRatio <= 1.15 ? "MET" : "MISSED"}`,
    );
    console.log(
      `  client time / raw undici time: ${wallRatio.toFixed(3)}x (wall clock: it flickers on shared machines)`,
    );
    console.log(
      `  client throughput / Octokit:   ${throughputVsOctokit.toFixed(2)}x (goal >= 2x) ${throughputVsOctokit >= 2 ? "MET" : "MISSED"}`,
    );
    console.log(
      `  load average (1, 5, 15 min): ${loadavg()
        .map((load) => load.toFixed(2))
        .join(", ")} on ${cpus().length} CPUs`,
    );

    await client.close();
    await pool.close();
  } finally {
    child.kill("SIGTERM");
  }
}

await main();
