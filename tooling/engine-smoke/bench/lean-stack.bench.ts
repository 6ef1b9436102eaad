// The cost of one engine-test operation through the stock Automation API vs through leanStack
// (@ghes-oauth/vitest-preset/lean-stack): `up` of a stack of 3 dynamic resources with a secret, in
// interleaved rounds of one run, wall time and the CPU of every process the operation started.
// Run: pnpm --filter @ghes-oauth/engine-smoke bench (the Pulumi CLI on PATH: `npm run bootstrap`).
//   BENCH_ROUNDS=5  rounds (medians are printed)
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { leanStack, pulumiCommand } from "@ghes-oauth/vitest-preset/lean-stack";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation/index.js";
import { Greeting } from "../src/greeting.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** CPU seconds of this process's finished children (the CLI and, through it, the provider host). */
function childrenCpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function createStack(
  kind: "stock" | "lean",
  round: number,
): Promise<{ stack: Stack; dispose(): void }> {
  mkdirSync(join(packageDir, ".pulumi"), { recursive: true });
  const workDir = mkdtempSync(join(packageDir, ".pulumi", "bench-"));
  const backendDir = mkdtempSync(join(tmpdir(), "ghes-oauth-bench-backend-"));
  const envVars = { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: "bench" };
  const program = async () => {
    const greetings = ["a", "b", "c"].map(
      (name) => new Greeting(`${name}-${round}`, { name, secret: pulumi.secret(`secret-${name}`) }),
    );
    return { messages: greetings.map((greeting) => greeting.message), secret: greetings[0]?.secretEcho };
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "bench", projectName: "lean-stack-bench", program },
    {
      workDir,
      envVars,
      secretsProvider: "passphrase",
      ...(kind === "lean" ? { pulumiCommand: await pulumiCommand() } : {}),
    },
  );
  if (kind === "lean") leanStack(stack);
  return {
    stack,
    dispose: () => {
      rmSync(workDir, { recursive: true, force: true });
      rmSync(backendDir, { recursive: true, force: true });
    },
  };
}

async function measure(kind: "stock" | "lean", round: number) {
  const { stack, dispose } = await createStack(kind, round);
  try {
    const cpuBefore = childrenCpuSeconds();
    const started = performance.now();
    const up = await stack.up();
    const destroy = await stack.destroy();
    const wallMs = performance.now() - started;
    if (up.summary.resourceChanges?.create !== 4 || destroy.summary.resourceChanges?.delete !== 4) {
      throw new Error(`${kind}: unexpected summaries ${JSON.stringify([up.summary, destroy.summary])}`);
    }
    if (up.outputs.secret?.secret !== true || up.outputs.secret.value !== "secret-a") {
      throw new Error(`${kind}: unexpected outputs ${JSON.stringify(Object.keys(up.outputs))}`);
    }
    return { wallMs, cpuSeconds: childrenCpuSeconds() - cpuBefore };
  } finally {
    dispose();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
interface Measurement {
  wallMs: number;
  cpuSeconds: number;
}
const results: Record<"stock" | "lean", Measurement[]> = { stock: [], lean: [] };
console.log(`lean-stack bench: up + destroy of 3 dynamic resources, ${ROUNDS} interleaved rounds`);
console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)}`);
for (let round = 0; round < ROUNDS; round++) {
  for (const kind of ["stock", "lean"] as const) results[kind].push(await measure(kind, round));
}
for (const kind of ["stock", "lean"] as const) {
  const wall = median(results[kind].map((result) => result.wallMs));
  const cpu = median(results[kind].map((result) => result.cpuSeconds));
  console.log(
    `${kind.padEnd(6)} wall ${(wall / 1000).toFixed(2)} s, CPU of the processes started ${cpu.toFixed(2)} s`,
  );
}
const ratio = (pick: (result: Measurement) => number) =>
  median(results.lean.map(pick)) / median(results.stock.map(pick));
console.log(
  `lean / stock: wall ${ratio((result) => result.wallMs).toFixed(2)}x, CPU ${ratio((result) => result.cpuSeconds).toFixed(2)}x`,
);
