// `pulumi up` + `pulumi destroy` of 100 tokens through the native provider and through the dynamic
// resource, side by side, as one ScopedToken per token and as ScopedTokenSets of 100 entries
// (BENCH_SHAPES=token,set): interleaved rounds of one run, the same emulator (its own process), the same
// parallelism; and the state bytes per token. The dynamic runs come from a project that installed the
// packed @ghes-oauth/pulumi as a user's would. Run: pnpm --filter @ghes-oauth/provider bench.
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seedWorld, startEmulatorProcess } from "@ghes-oauth/emulator/testing";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { createInstalledProject } from "../../pulumi/test/support/installed-project.js";
import { pluginEnv } from "../test/support/plugin-env.js";

const COUNT = Number(process.env.BENCH_COUNT ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SHAPES = (process.env.BENCH_SHAPES ?? "token,set").split(",") as ("token" | "set")[];
const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, "..", "package.json"), "utf8"));
const PULUMI_VERSION = manifest.dependencies["@pulumi/pulumi"] as string;

interface Lifecycle {
  upMs: number;
  destroyMs: number;
  totalMs: number;
  created: number;
  bytesPerToken: number[];
  providerResourceBytes: number;
  stateBytes: number;
}

function median(runs: Lifecycle[]): Lifecycle {
  return [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)] as Lifecycle;
}

async function main() {
  const installed = createInstalledProject({}, PULUMI_VERSION);
  copyFileSync(join(here, "runner.mjs"), join(installed, "runner.mjs"));
  const emulator = await startEmulatorProcess();
  try {
    const { app, userToken } = await seedWorld(emulator.apiUrl, {
      org: { repositories: ["api", "web"] },
      app: { name: "bench", permissions: { contents: "write", metadata: "read" } },
    });
    const env = {
      ...process.env,
      ...pluginEnv(),
      BENCH_COUNT: String(COUNT),
      BENCH_API_URL: emulator.apiUrl,
      BENCH_CLIENT_ID: app.client_id,
      BENCH_CLIENT_SECRET: app.client_secret,
      BENCH_USER_TOKEN: userToken.token,
    };
    type Kind = "native" | "dynamic";
    const run = (kind: Kind, shape: "token" | "set"): Lifecycle => {
      const output = execFileSync(process.execPath, ["runner.mjs"], {
        cwd: kind === "native" ? here : installed,
        env: { ...env, BENCH_KIND: kind, BENCH_SHAPE: shape },
        maxBuffer: 64 * 1024 * 1024,
      }).toString();
      const result = JSON.parse(output.trim().split("\n").pop() ?? "{}") as Lifecycle;
      if (result.created !== COUNT)
        throw new Error(`${kind} ${shape}: expected ${COUNT} tokens, got ${result.created}`);
      return result;
    };
    const cases = SHAPES.flatMap((shape) =>
      (["native", "dynamic"] as const).map((kind) => ({ kind, shape })),
    );
    const runs = new Map(cases.map(({ kind, shape }) => [`${kind} ${shape}`, [] as Lifecycle[]]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const { kind, shape } of cases) runs.get(`${kind} ${shape}`)?.push(run(kind, shape));
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
    const mean = (list: number[]) => Math.round(list.reduce((a, b) => a + b, 0) / list.length);
    console.log(`tokens per stack: ${COUNT}; medians of ${ROUNDS} interleaved rounds; parallel 32`);
    console.log("| | up | destroy | up + destroy (all rounds) | state bytes per token | provider resource |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const [label, list] of runs) {
      const m = median(list);
      const all = list.map((r) => seconds(r.totalMs)).join(", ");
      const name = label.replace(" token", " ScopedToken").replace(" set", " ScopedTokenSet (100 per set)");
      console.log(
        `| ${name} | ${seconds(m.upMs)} | ${seconds(m.destroyMs)} | ${seconds(m.totalMs)} (${all}) | ${mean(m.bytesPerToken)} | ${m.providerResourceBytes} B once per stack |`,
      );
    }
  } finally {
    emulator.stop();
    rmSync(installed, { recursive: true, force: true });
  }
}

await main();
