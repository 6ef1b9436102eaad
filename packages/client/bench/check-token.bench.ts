/**
 * check-token throughput at concurrency 32: this client vs raw undici vs @octokit/oauth-methods.
 * The emulator runs in a child process so it does not share the event loop with the clients.
 * Run `pnpm build` in packages/emulator and here first; then `pnpm bench`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { checkToken as octokitCheckToken } from "@octokit/oauth-methods";
import { request as octokitRequest } from "@octokit/request";
import { Pool, request as undiciRequest } from "undici";
import { OAuthAppClient } from "../dist/index.js";

const CONCURRENCY = 32;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const SLICES = Number(process.env.BENCH_SLICES ?? 10);

async function startEmulatorProcess(): Promise<{ apiUrl: string; child: ChildProcess }> {
  const require = createRequire(import.meta.url);
  const bin = join(
    dirname(require.resolve("@ghes-oauth/emulator/package.json")),
    "bin",
    "ghes-oauth-emulator.js",
  );
  const child = spawn(process.execPath, [bin, "--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { apiUrl: apiUrl.trim(), child };
}

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
    // Interleaved slices, rotating the order, so load changes on the machine hit every contender alike.
    const total = new Map<string, number>(contenders.map(([name]) => [name, 0]));
    const cpu = new Map<string, number>(contenders.map(([name]) => [name, 0]));
    for (const [, call] of contenders) await drive(WARMUP, call);
    const slice = Math.ceil(REQUESTS / SLICES);
    for (let index = 0; index < SLICES; index++) {
      for (let offset = 0; offset < contenders.length; offset++) {
        const [name, call] = contenders[(index + offset) % contenders.length] as (typeof contenders)[number];
        const before = process.cpuUsage();
        total.set(name, (total.get(name) ?? 0) + (await drive(slice, call)));
        const used = process.cpuUsage(before);
        cpu.set(name, (cpu.get(name) ?? 0) + used.user + used.system);
      }
    }
    const measured = slice * SLICES;

    const ms = (name: string) => total.get(name) ?? Number.NaN;
    const clientMs = ms("@ghes-oauth/client");
    const rawMs = ms("raw undici Pool.request");
    const octokitMs = ms("@octokit/oauth-methods");
    console.log(
      `check-token, ${measured} requests each after ${WARMUP} warm-up, concurrency ${CONCURRENCY}, ${SLICES} interleaved slices:`,
    );
    for (const [name] of contenders) {
      const rps = (measured / ms(name)) * 1000;
      console.log(
        `  ${name.padEnd(26)} ${rps.toFixed(0).padStart(7)} req/s  (${(ms(name) / 1000).toFixed(2)} s, ${((cpu.get(name) ?? 0) / measured).toFixed(0)} µs client CPU per request)`,
      );
    }
    const vsRaw = clientMs / rawMs;
    const vsOctokit = octokitMs / clientMs;
    console.log(
      `  client time / raw undici time: ${vsRaw.toFixed(3)}x (goal <= 1.15x) ${vsRaw <= 1.15 ? "MET" : "MISSED"}`,
    );
    console.log(
      `  client throughput / Octokit:   ${vsOctokit.toFixed(2)}x (goal >= 2x) ${vsOctokit >= 2 ? "MET" : "MISSED"}`,
    );

    await client.close();
    await pool.close();
  } finally {
    child.kill("SIGTERM");
  }
}

await main();
