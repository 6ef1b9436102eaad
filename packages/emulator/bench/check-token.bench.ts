/**
 * check-token throughput: requests/s and p99 latency at 64 connections, for a bare node:http baseline,
 * the in-memory emulator and the SQLite-backed emulator. Each server runs in its own child process so
 * it does not share an event loop with autocannon. Run `pnpm build` first; `pnpm bench` runs this.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";

const CONNECTIONS = 64;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const GOAL_RPS = 10_000;
const GOAL_P99_MS = 20;
const BIN = fileURLToPath(new URL("../bin/ghes-oauth-emulator.js", import.meta.url));

/** A bare node:http server answering one fixed JSON document: the ceiling for this machine. */
const BASELINE_SERVER = `
const body = JSON.stringify({ id: 1, token: "ghu_${"x".repeat(36)}", padding: "${"y".repeat(1300)}" });
require("node:http").createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(0, "127.0.0.1", function () { console.log("http://127.0.0.1:" + this.address().port + "/api/v3"); });
`;

async function startChild(args: string[]): Promise<{ child: ChildProcess; apiUrl: string }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  const apiUrl = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const newline = output.indexOf("\n");
      if (newline >= 0) resolve(output.slice(0, newline));
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, apiUrl };
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

async function admin(origin: string, path: string, body: unknown) {
  const response = await fetch(`${origin}/_emulator${path}`, { method: "POST", body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

/** Creates a user, an app and a token; returns the check-token request to hammer. */
async function checkTokenRequest(apiUrl: string) {
  const origin = new URL(apiUrl).origin;
  await admin(origin, "/accounts", { login: "octocat" });
  const app = await admin(origin, "/apps", { name: "bench", permissions: { contents: "read" } });
  const issued = await admin(origin, "/tokens", { client_id: app.client_id, login: "octocat" });
  const credentials = Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64");
  return {
    url: `${apiUrl}/applications/${app.client_id}/token`,
    headers: { authorization: `Basic ${credentials}`, "content-type": "application/json" },
    body: JSON.stringify({ access_token: issued.token }),
  };
}

async function measure(
  label: string,
  serverArgs: string[],
  prepare: (apiUrl: string) => Promise<{ url: string; headers?: Record<string, string>; body: string }>,
) {
  const { child, apiUrl } = await startChild(serverArgs);
  try {
    const request = await prepare(apiUrl);
    // A short warm-up so the JIT and SQLite caches are hot before measuring.
    await autocannon({ ...request, method: "POST", connections: CONNECTIONS, duration: 1 });
    const result: Result = await autocannon({
      ...request,
      method: "POST",
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
    });
    if (result.errors > 0 || result.non2xx > 0) {
      throw new Error(`${label}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
    }
    return { label, rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
  } finally {
    await stopChild(child);
  }
}

async function main() {
  const directory = mkdtempSync(join(tmpdir(), "ghes-oauth-bench-"));
  try {
    const rows = [
      await measure("bare node:http baseline", ["-e", BASELINE_SERVER], async (apiUrl) => ({
        url: `${apiUrl}/applications/x/token`,
        body: JSON.stringify({ access_token: "x" }),
      })),
      await measure("emulator, in memory", [BIN, "--quiet"], checkTokenRequest),
      await measure(
        "emulator, SQLite file",
        [BIN, "--quiet", "--data-file", join(directory, "bench.db")],
        checkTokenRequest,
      ),
    ];
    const baseline = rows[0]?.rps ?? 1;
    console.log(
      `\ncheck-token, ${CONNECTIONS} connections, ${DURATION_SECONDS}s each, node ${process.version}\n`,
    );
    console.log("| server | req/s | p99 ms | requests | vs baseline |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const row of rows) {
      const ratio = `${((row.rps / baseline) * 100).toFixed(0)}%`;
      console.log(`| ${row.label} | ${Math.round(row.rps)} | ${row.p99} | ${row.total} | ${ratio} |`);
    }
    const memory = rows[1];
    const met = memory !== undefined && memory.rps >= GOAL_RPS && memory.p99 < GOAL_P99_MS;
    console.log(
      `\ngoal (in memory: >= ${GOAL_RPS} req/s, p99 < ${GOAL_P99_MS} ms): ${met ? "met" : "NOT met"}`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
