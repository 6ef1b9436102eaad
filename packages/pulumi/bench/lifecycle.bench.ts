// `pulumi up` + `pulumi destroy` of N tokens, as N ScopedTokens and as ScopedTokenSets of 100 entries,
// vs the same stack of N no-op dynamic resources, and vs N no-op resources carrying the ScopedToken's
// secret values (the engine's own cost of secrets), for N in 100, 400 and 1,000, in interleaved rounds of
// one run, from a project that installs the packed package as a user's would; with the state bytes each
// token costs. The emulator runs in its own process.
// Run: pnpm --filter @ghes-oauth/pulumi bench (the Pulumi CLI on PATH: `npm run bootstrap`).
//   BENCH_SIZES=100,400,1000  stack sizes        BENCH_ROUNDS=3  rounds per size (medians are printed)
//   BENCH_KINDS=noop,noop-secrets,scoped,set      BENCH_SET_SIZE=100  entries per ScopedTokenSet
//     (also noop-minimal: a no-op with a ScopedToken's inputs and only token + expiresAt as outputs, the
//     engine's floor for any one-resource-per-token design)
//   BENCH_PROFILE=DIR  also write engine and provider CPU
//   profiles and every checkpoint's size (slower: not for timing)
//   BENCH_SKIP_CHECKPOINTS=1  run with PULUMI_SKIP_CHECKPOINTS=true (the engine's O(n²) checkpointing off)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { seedWorld, startEmulatorProcess } from "@ghes-oauth/emulator/testing";
import { createInstalledProject } from "../test/support/installed-project.js";

const SIZES = process.env.BENCH_SIZES ?? process.env.BENCH_COUNT ?? "100,400,1000";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KINDS = process.env.BENCH_KINDS ?? "noop,noop-secrets,scoped,set";
const SET_SIZE = Number(process.env.BENCH_SET_SIZE ?? 100);
const PROFILE = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : undefined;
const here = dirname(fileURLToPath(import.meta.url));

type Kind = "noop" | "noop-secrets" | "noop-minimal" | "scoped" | "set";
/** The kinds that hold real tokens, judged against the goals. */
const TOKEN_KINDS = ["scoped", "set"] as const;

interface Lifecycle {
  kind: Kind;
  size: number;
  upMs: number;
  destroyMs: number;
  totalMs: number;
  /** CPU time: the pulumi CLI and what it started (engine, provider host), the program, the emulator. */
  cpuMs: { engine: number; providerHost: number; program: number; emulator: number };
  totalCpuMs: number;
  created: number;
  /** Resources of the kind in state (N, or N / BENCH_SET_SIZE sets). */
  resources: number;
  stateBytes: number;
  bytesPerResource: number[];
  providerBytes: number;
  shape?: {
    inputBytes: number;
    outputBytes: number;
    secretInputs: string[];
    secretOutputs: string[];
    secretBytes: number;
  };
  checkpoints?: {
    up: { checkpoints: number; checkpointBytes: number };
    all: { checkpoints: number; checkpointBytes: number };
  };
}

const LABELS: Record<Kind, string> = {
  noop: "no-op",
  "noop-secrets": "no-op + secrets",
  "noop-minimal": "no-op, minimal token state",
  scoped: "ScopedToken",
  set: `ScopedTokenSet (${SET_SIZE} per set)`,
};

/** The run with the median up + destroy time (wall clock, or CPU). */
function median(runs: Lifecycle[], by: "totalMs" | "totalCpuMs" = "totalMs"): Lifecycle {
  return [...runs].sort((a, b) => a[by] - b[by])[Math.floor(runs.length / 2)] as Lifecycle;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mean = (list: number[]) => Math.round(list.reduce((a, b) => a + b, 0) / Math.max(1, list.length));

const goal = (ratio: number) => `${ratio.toFixed(2)}x ${ratio <= 1.3 ? "(met)" : "(MISSED: goal <= 1.30x)"}`;
const growthGoal = (growth: number) =>
  `${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)}% ${growth <= 0.15 ? "(met: goal at most +15%)" : "(MISSED: goal at most +15%)"}`;
const bytesPerToken = (run: Lifecycle) =>
  Math.round(run.bytesPerResource.reduce((a, b) => a + b, 0) / run.size);

/** One table of medians by wall clock or by CPU, with each token kind's ratio to the no-op and per-token cost. */
function table(runs: Lifecycle[], sizes: number[], kinds: Kind[], by: "totalMs" | "totalCpuMs") {
  const of = (kind: Kind, size: number) => runs.filter((run) => run.kind === kind && run.size === size);
  const tokenKinds = TOKEN_KINDS.filter((kind) => kinds.includes(kind));
  const header = ["tokens", ...kinds.map((kind) => LABELS[kind])];
  if (kinds.includes("noop-secrets")) header.push("secrets / no-op");
  if (kinds.includes("noop-minimal")) header.push("minimal / no-op");
  for (const kind of tokenKinds) {
    header.push(`${LABELS[kind]} / no-op`, `ms per token (${kind})`);
    if (by === "totalMs") header.push(`state bytes per token (${kind})`);
  }
  console.log(`| ${header.join(" | ")} |`);
  console.log(`| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
  const perToken = new Map<Kind, Map<number, number>>(tokenKinds.map((kind) => [kind, new Map()]));
  for (const size of sizes) {
    const medians = new Map(kinds.map((kind) => [kind, median(of(kind, size), by)]));
    const cell = (run: Lifecycle) =>
      by === "totalMs"
        ? seconds(run.totalMs)
        : `${seconds(run.totalCpuMs)} (${[
            run.cpuMs.engine,
            run.cpuMs.providerHost,
            run.cpuMs.program,
            run.cpuMs.emulator,
          ]
            .map((ms) => (ms / 1000).toFixed(1))
            .join(" + ")})`;
    const cells = [String(size), ...kinds.map((kind) => cell(medians.get(kind) as Lifecycle))];
    const noop = medians.get("noop");
    const secrets = medians.get("noop-secrets");
    if (secrets && noop) cells.push(`${(secrets[by] / noop[by]).toFixed(2)}x`);
    const minimal = medians.get("noop-minimal");
    if (minimal && noop) cells.push(`${(minimal[by] / noop[by]).toFixed(2)}x`);
    for (const kind of tokenKinds) {
      const run = medians.get(kind) as Lifecycle;
      perToken.get(kind)?.set(size, run[by] / size);
      cells.push(noop ? goal(run[by] / noop[by]) : "-", (run[by] / size).toFixed(1));
      if (by === "totalMs") cells.push(String(bytesPerToken(run)));
    }
    console.log(`| ${cells.join(" | ")} |`);
  }
  for (const [kind, costs] of perToken) {
    if (costs.size < 2) continue;
    const low = Math.min(...costs.keys());
    const high = Math.max(...costs.keys());
    const growth = (costs.get(high) as number) / (costs.get(low) as number) - 1;
    console.log(
      `${LABELS[kind]}: ${by === "totalMs" ? "" : "CPU "}per-token cost at ${high} vs ${low}: ${growthGoal(growth)}`,
    );
  }
}

function report(runs: Lifecycle[], sizes: number[], kinds: Kind[]) {
  const of = (kind: Kind, size: number) => runs.filter((run) => run.kind === kind && run.size === size);
  const rounds = of(kinds[0] as Kind, sizes[0] as number).length;
  console.log(
    `\nmedians of ${rounds} interleaved round(s) per size (installed package), up + destroy, wall clock:`,
  );
  table(runs, sizes, kinds, "totalMs");
  console.log(
    "\nCPU time of up + destroy (engine + dynamic-provider host + program + emulator; medians), steadier than the wall clock on a loaded machine:",
  );
  table(runs, sizes, kinds, "totalCpuMs");
  console.log(
    "(A ScopedToken per token: the engine rewrites the whole checkpoint twice per step, so N resources cost O(N²); a set is one step.)",
  );

  console.log("\nall rounds, up + destroy:");
  for (const size of sizes) {
    const parts = kinds.map(
      (kind) =>
        `${LABELS[kind]} ${of(kind, size)
          .map((run) => `${seconds(run.totalMs)} (CPU ${seconds(run.totalCpuMs)})`)
          .join(", ")}`,
    );
    console.log(`  ${size}: ${parts.join("; ")}`);
  }
  console.log("\nup / destroy (medians), ms per token, state bytes per resource of each kind:");
  for (const size of sizes) {
    for (const kind of kinds) {
      const run = median(of(kind, size));
      console.log(
        `  ${String(size).padStart(5)} ${LABELS[kind].padEnd(16)} up ${seconds(run.upMs)}, destroy ${seconds(run.destroyMs)}, ` +
          `${(run.totalMs / size).toFixed(1)} ms/token, ${run.resources} resources of ${mean(run.bytesPerResource)} B, checkpoint ${run.stateBytes} B`,
      );
    }
  }
  for (const kind of kinds) {
    const run = runs.find((candidate) => candidate.kind === kind && candidate.shape);
    if (!run?.shape) continue;
    const { shape } = run;
    console.log(
      `  shape of one ${LABELS[kind]}: inputs ${shape.inputBytes} B, outputs ${shape.outputBytes} B (of which __provider ${run.providerBytes} B each), ` +
        `secrets: inputs [${shape.secretInputs.join(", ")}], outputs [${shape.secretOutputs.join(", ")}], ${shape.secretBytes} B of ciphertext`,
    );
  }
  for (const run of runs.filter((candidate) => candidate.checkpoints)) {
    const { up, all } = run.checkpoints as NonNullable<Lifecycle["checkpoints"]>;
    const destroy = {
      checkpoints: all.checkpoints - up.checkpoints,
      bytes: all.checkpointBytes - up.checkpointBytes,
    };
    console.log(
      `  checkpoints written, ${LABELS[run.kind]} x${run.size}: up ${up.checkpoints} (${(up.checkpointBytes / 1e6).toFixed(1)} MB), ` +
        `destroy ${destroy.checkpoints} (${(destroy.bytes / 1e6).toFixed(1)} MB)`,
    );
  }
}

async function main() {
  const sizes = SIZES.split(",").map(Number);
  const kinds = KINDS.split(",") as Kind[];
  const manifest = JSON.parse(readFileSync(join(here, "..", "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const project = createInstalledProject(
    { "runner.mjs": readFileSync(join(here, "runner.mjs"), "utf8") },
    manifest.devDependencies["@pulumi/pulumi"] as string,
  );
  const emulator = await startEmulatorProcess();
  try {
    const { app, userToken } = await seedWorld(emulator.apiUrl, {
      org: { repositories: ["api", "web"] },
      app: { name: "bench", permissions: { contents: "write", metadata: "read" } },
    });

    if (PROFILE) mkdirSync(join(PROFILE, "program"), { recursive: true });
    const loadBefore = loadavg();
    const started = performance.now();
    if (process.env.BENCH_SKIP_CHECKPOINTS) {
      console.log(
        "PULUMI_SKIP_CHECKPOINTS=true: the engine writes the checkpoint only at the end of each operation",
      );
    }
    const output = execFileSync(process.execPath, ["runner.mjs"], {
      cwd: project,
      env: {
        ...process.env,
        BENCH_SIZES: sizes.join(","),
        BENCH_ROUNDS: String(ROUNDS),
        BENCH_KINDS: kinds.join(","),
        BENCH_SET_SIZE: String(SET_SIZE),
        ...(PROFILE
          ? {
              BENCH_PROFILE: PROFILE,
              BENCH_PROFILE_HOOK: join(here, "cpu-profile-hook.cjs"),
              // The program runs in the runner's own process (an inline program): profile it too.
              NODE_OPTIONS: `--require ${join(here, "cpu-profile-hook.cjs")}`,
              BENCH_CPU_PROFILE_DIR: join(PROFILE, "program"),
            }
          : {}),
        BENCH_API_URL: emulator.apiUrl,
        BENCH_EMULATOR_PID: String(emulator.child.pid),
        BENCH_CPU_USAGE_HOOK: join(here, "cpu-usage-hook.cjs"),
        BENCH_CLIENT_ID: app.client_id,
        BENCH_CLIENT_SECRET: app.client_secret,
        BENCH_USER_TOKEN: userToken.token,
      },
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    }).toString();
    const runs = JSON.parse(output.trim().split("\n").pop() ?? "[]") as Lifecycle[];
    for (const run of runs) {
      const expected = (run.kind === "set" ? Math.ceil(run.size / SET_SIZE) : run.size) + 1;
      if (run.created !== expected || run.resources !== expected - 1) {
        throw new Error(`${run.kind} x${run.size}: expected ${expected} creates, got ${run.created}`);
      }
    }
    report(runs, sizes, kinds);
    const load = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(", ");
    console.log(
      `\nbenchmark wall time ${seconds(performance.now() - started)}; ${cpus().length} CPUs, load average ` +
        `(1, 5, 15 min) ${load(loadBefore)} at start, ${load(loadavg())} at end${PROFILE ? `; profiles under ${PROFILE}` : ""}`,
    );
  } finally {
    emulator.stop();
    rmSync(project, { recursive: true, force: true });
  }
}

await main();
