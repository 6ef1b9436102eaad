// `pulumi up` + `pulumi destroy` of 100 ScopedTokens vs the same stack of 100 no-op dynamic resources, in
// interleaved rounds of one run, from a project that installs the packed package as a user's would; and
// the state bytes each ScopedToken costs (serialized provider included). The emulator runs in its own
// process. Run: pnpm --filter @ghes-oauth/pulumi bench (the Pulumi CLI on PATH: `npm run bootstrap`).
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { EmulatorAdmin } from "@ghes-oauth/emulator";
import { createInstalledProject } from "../test/support/installed-project.js";

const COUNT = Number(process.env.BENCH_COUNT ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const here = dirname(fileURLToPath(import.meta.url));
const emulatorBin = join(here, "..", "..", "emulator", "bin", "ghes-oauth-emulator.js");

interface Lifecycle {
  upMs: number;
  destroyMs: number;
  totalMs: number;
  created: number;
  bytesPerResource: number[];
  providerBytes: number;
}

/** The run with the median up + destroy time. */
function median(runs: Lifecycle[]): Lifecycle {
  return [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)] as Lifecycle;
}

async function startEmulatorProcess() {
  const child = spawn(process.execPath, [emulatorBin, "--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  return { apiUrl: line.trim(), stop: () => child.kill("SIGTERM") };
}

async function main() {
  const manifest = JSON.parse(readFileSync(join(here, "..", "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const project = createInstalledProject(
    { "runner.mjs": readFileSync(join(here, "runner.mjs"), "utf8") },
    manifest.devDependencies["@pulumi/pulumi"] as string,
  );
  const emulator = await startEmulatorProcess();
  try {
    const admin = new EmulatorAdmin(emulator.apiUrl);
    await admin.createAccount({ login: "acme", type: "Organization", repositories: ["api", "web"] });
    await admin.createAccount({ login: "octocat" });
    const app = await admin.createApp({
      name: "bench",
      permissions: { contents: "write", metadata: "read" },
    });
    await admin.createInstallation({ client_id: app.client_id, account: "acme" });
    const { token } = await admin.issueUserToken({ client_id: app.client_id, login: "octocat" });

    const output = execFileSync(process.execPath, ["runner.mjs"], {
      cwd: project,
      env: {
        ...process.env,
        BENCH_COUNT: String(COUNT),
        BENCH_ROUNDS: String(ROUNDS),
        BENCH_API_URL: emulator.apiUrl,
        BENCH_CLIENT_ID: app.client_id,
        BENCH_CLIENT_SECRET: app.client_secret,
        BENCH_USER_TOKEN: token,
      },
      maxBuffer: 64 * 1024 * 1024,
    }).toString();
    const runs = JSON.parse(output.trim().split("\n").pop() ?? "{}") as {
      noop: Lifecycle[];
      scoped: Lifecycle[];
    };
    for (const run of runs.scoped) {
      if (run.created !== COUNT + 1) throw new Error(`expected ${COUNT + 1} creates, got ${run.created}`);
    }
    const noop = median(runs.noop);
    const scoped = median(runs.scoped);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
    const totals = (list: Lifecycle[]) => list.map((run) => seconds(run.totalMs)).join(", ");
    const mean = (list: number[]) => Math.round(list.reduce((a, b) => a + b, 0) / list.length);
    console.log(`resources per stack: ${COUNT}; medians of ${ROUNDS} interleaved rounds (installed package)`);
    console.log(`all rounds, up + destroy: no-op ${totals(runs.noop)}; ScopedToken ${totals(runs.scoped)}`);
    console.log(
      `no-op dynamic resources: up ${seconds(noop.upMs)}, destroy ${seconds(noop.destroyMs)}, total ${seconds(noop.totalMs)}`,
    );
    console.log(
      `ScopedTokens:            up ${seconds(scoped.upMs)}, destroy ${seconds(scoped.destroyMs)}, total ${seconds(scoped.totalMs)}`,
    );
    console.log(
      `ratio ScopedToken / no-op (up + destroy): ${(scoped.totalMs / noop.totalMs).toFixed(2)}x (goal <= 1.30x)`,
    );
    console.log(
      `state bytes per resource: ScopedToken mean ${mean(scoped.bytesPerResource)}, max ${Math.max(...scoped.bytesPerResource)} ` +
        `(goal <= 4096), of which __provider ${scoped.providerBytes} (x2: inputs and outputs); no-op ${mean(noop.bytesPerResource)}`,
    );
  } finally {
    emulator.stop();
    rmSync(project, { recursive: true, force: true });
  }
}

await main();
