// Runs inside the installed project (see installed-project.ts): for each stack size, times `pulumi up` +
// `pulumi destroy` of SIZE no-op dynamic resources, SIZE no-op resources carrying the ScopedToken's secret
// values, and SIZE ScopedTokens, in ROUNDS interleaved rounds, and prints one JSON line of results.
// Connection and user token come from the environment. With BENCH_PROFILE=DIR it also writes the
// engine's CPU profiles (pulumi --profiling), the provider host's (node --cpu-prof) and every checkpoint
// the engine wrote (PULUMI_RETAIN_CHECKPOINTS) under DIR, one folder per lifecycle.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { ScopedToken, ScopedTokenSet } from "@ghes-oauth/pulumi";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation/index.js";

const SIZES = process.env.BENCH_SIZES.split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS);
const KINDS = process.env.BENCH_KINDS.split(",");
const PROFILE = process.env.BENCH_PROFILE;
const userToken = process.env.BENCH_USER_TOKEN;
const SET_SIZE = Number(process.env.BENCH_SET_SIZE ?? 100);
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";

const noopProvider = {
  async create() {
    return { id: `noop-${Math.random().toString(36).slice(2)}`, outs: {} };
  },
  async delete() {},
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name) {
    super(noopProvider, name, {});
  }
}

// The same secret values as a ScopedToken, of the same sizes: its secret inputs (the parent token) and
// its secret outputs (the minted token, and the parent token again if the ScopedToken echoes it).
// Nothing else: the difference to the plain no-op is the engine's cost of carrying secrets.
const mintedToken = () => `ghs_${Math.random().toString(36).slice(2).padEnd(36, "0")}`;
const secretsNoopProviders = {
  echoing: {
    async create(inputs) {
      return { id: `noop-${Math.random().toString(36).slice(2)}`, outs: { ...inputs, token: mintedToken() } };
    },
    async delete() {},
  },
  minting: {
    async create() {
      return { id: `noop-${Math.random().toString(36).slice(2)}`, outs: { token: mintedToken() } };
    },
    async delete() {},
  },
};

class SecretsNoop extends pulumi.dynamic.Resource {
  constructor(name, secretsPerToken) {
    super(
      secretsNoopProviders[secretsPerToken.provider],
      name,
      { ...secretsPerToken.inputs, token: undefined },
      { additionalSecretOutputs: secretsPerToken.outputs },
    );
  }
}

// The least any one-resource-per-token design keeps with a ScopedToken's inputs: the program's inputs
// (the parent token secret, target, repositories, permissions) and, as outputs, only the minted token
// (secret) and its expiry. Beside the no-op, it is the engine's floor for such a resource.
const minimalProvider = {
  async create() {
    const token = `ghs_${Math.random().toString(36).slice(2).padEnd(36, "0")}`;
    return {
      id: `noop-${Math.random().toString(36).slice(2)}`,
      outs: { token, expiresAt: "2026-12-01T19:12:38Z" },
    };
  },
  async delete() {},
};

class MinimalNoop extends pulumi.dynamic.Resource {
  constructor(name, inputs) {
    super(
      minimalProvider,
      name,
      { ...inputs, token: undefined, expiresAt: undefined },
      { additionalSecretOutputs: ["token"] },
    );
  }
}

/** Which properties of a ScopedToken's state are secret, read from a real one (see sampleShape). */
let secretsPerToken = { inputs: {}, outputs: ["token"], provider: "minting" };

const programs = {
  noop: (size) => async () => {
    for (let i = 0; i < size; i++) new Noop(`noop-${i}`);
  },
  "noop-secrets": (size) => async () => {
    for (let i = 0; i < size; i++) new SecretsNoop(`noop-${i}`, secretsPerToken);
  },
  "noop-minimal": (size) => async () => {
    for (let i = 0; i < size; i++) {
      new MinimalNoop(`noop-${i}`, {
        accessToken: pulumi.secret(userToken),
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
      });
    }
  },
  // The same tokens as `scoped`, held SET_SIZE to a ScopedTokenSet.
  set: (size) => async () => {
    for (let first = 0; first < size; first += SET_SIZE) {
      const names = Array.from({ length: Math.min(SET_SIZE, size - first) }, (_, i) => `token-${first + i}`);
      new ScopedTokenSet(`set-${first / SET_SIZE}`, {
        accessToken: userToken,
        scopes: Object.fromEntries(
          names.map((name) => [
            name,
            { target: "acme", repositories: ["api"], permissions: { contents: "read" } },
          ]),
        ),
      });
    }
  },
  scoped: (size) => async () => {
    for (let i = 0; i < size; i++) {
      new ScopedToken(`token-${i}`, {
        accessToken: userToken,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
      });
    }
  },
};

/** Paths of the secret values in a state object (the engine's secret-signature objects). */
function secretPaths(value, path = []) {
  if (value === null || typeof value !== "object") return [];
  if (value[SECRET_SIG_KEY] !== undefined) return [path.join(".")];
  return Object.entries(value).flatMap(([key, item]) => secretPaths(item, [...path, key]));
}

/**
 * A wrapper `pulumi` that records the CPU time of each command and everything it started (the engine
 * and the dynamic-provider host), with the shell's `times`, in `timesDir`; with `profileDir` it also
 * adds --profiling to `up` and `destroy` (the engine's Go CPU profile).
 */
async function measuringCommand(timesDir, profileDir) {
  // The real binary by its full path: the Automation API puts the wrapper's folder first on PATH.
  const real = execFileSync("sh", ["-c", "command -v pulumi"]).toString().trim();
  const root = mkdtempSync(join(process.cwd(), ".pulumi", "measuring-cli-"));
  mkdirSync(join(root, "bin"));
  const script = join(root, "bin", "pulumi");
  const profiling = profileDir ? `--profiling "${profileDir}/engine-$1"` : "";
  writeFileSync(
    script,
    `#!/bin/sh
case " $* " in
  *" up "*|*" destroy "*) "${real}" ${profiling} "$@"; status=$?; times > "${timesDir}/$1" ;;
  *) "${real}" "$@"; status=$? ;;
esac
exit $status
`,
  );
  chmodSync(script, 0o755);
  return PulumiCommand.get({ root, skipVersionCheck: true });
}

/** CPU seconds of the children `times` reported (its second line: "1m2.5s 0m0.3s"). */
function childCpuMs(timesFile) {
  const children = readFileSync(timesFile, "utf8").trim().split("\n")[1] ?? "";
  return children
    .split(/\s+/)
    .map((field) => /^(\d+)m([\d.]+)s$/.exec(field))
    .reduce((total, match) => total + (match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : 0), 0);
}

/** CPU milliseconds a process has used so far (Linux /proc), or 0 where it cannot be read. */
function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

const programCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function readCheckpoint(backendDir) {
  const stacks = join(backendDir, ".pulumi", "stacks");
  const [project] = readdirSync(stacks);
  return JSON.parse(readFileSync(join(stacks, project, "bench.json"), "utf8"));
}

function checkpointFigures(backendDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.json\.\d+$/.test(entry.name)) {
        files.push(statSync(path).size);
      }
    }
  };
  walk(backendDir);
  return { checkpoints: files.length, checkpointBytes: files.reduce((a, b) => a + b, 0) };
}

async function lifecycle(kind, size, round) {
  mkdirSync(join(process.cwd(), ".pulumi"), { recursive: true });
  const workDir = mkdtempSync(join(process.cwd(), ".pulumi", "work-"));
  const backendDir = mkdtempSync(join(process.cwd(), ".pulumi", "backend-"));
  const profileDir = PROFILE && join(PROFILE, `${kind}-${size}-${round}`);
  const timesDir = mkdtempSync(join(process.cwd(), ".pulumi", "times-"));
  const envVars = { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: "bench" };
  if (process.env.BENCH_SKIP_CHECKPOINTS) envVars.PULUMI_SKIP_CHECKPOINTS = "true";
  const hostCpuDir = mkdtempSync(join(process.cwd(), ".pulumi", "host-cpu-"));
  envVars.NODE_OPTIONS = `--require ${process.env.BENCH_CPU_USAGE_HOOK}`;
  envVars.BENCH_CPU_USAGE_DIR = hostCpuDir;
  if (profileDir) {
    mkdirSync(join(profileDir, "provider"), { recursive: true });
    envVars.NODE_OPTIONS += ` --require ${process.env.BENCH_PROFILE_HOOK}`;
    envVars.BENCH_CPU_PROFILE_DIR = join(profileDir, "provider");
    envVars.PULUMI_RETAIN_CHECKPOINTS = "true";
  }
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "bench", projectName: `bench-${kind}-${size}-${round}`, program: programs[kind](size) },
      {
        workDir,
        secretsProvider: "passphrase",
        envVars,
        pulumiCommand: await measuringCommand(timesDir, profileDir),
      },
    );
    if (kind === "scoped" || kind === "set") {
      await stack.setAllConfig({
        "ghes-oauth:baseUrl": { value: process.env.BENCH_API_URL },
        "ghes-oauth:clientId": { value: process.env.BENCH_CLIENT_ID },
        "ghes-oauth:clientSecret": { value: process.env.BENCH_CLIENT_SECRET, secret: true },
      });
    }
    const emulatorPid = Number(process.env.BENCH_EMULATOR_PID);
    const cpuBefore = { program: programCpuMs(), emulator: processCpuMs(emulatorPid) };
    const upStarted = performance.now();
    const up = await stack.up({ parallel: 32 });
    const upMs = performance.now() - upStarted;
    // The checkpoint as the engine wrote it (secrets encrypted), which is what `pulumi stack export`
    // prints without --show-secrets (the Automation API's exportStack shows them).
    const deployment = readCheckpoint(backendDir).checkpoint.latest;
    const resources = deployment.resources ?? [];
    const upCheckpoints = profileDir ? checkpointFigures(backendDir) : undefined;
    const destroyStarted = performance.now();
    await stack.destroy({ parallel: 32 });
    const destroyMs = performance.now() - destroyStarted;
    const pulumiCpuMs = childCpuMs(join(timesDir, "up")) + childCpuMs(join(timesDir, "destroy"));
    const providerHost = readdirSync(hostCpuDir)
      .map((file) => Number(readFileSync(join(hostCpuDir, file), "utf8")) / 1000)
      .reduce((a, b) => a + b, 0);
    const cpuMs = {
      engine: pulumiCpuMs - providerHost,
      providerHost,
      program: programCpuMs() - cpuBefore.program,
      emulator: processCpuMs(emulatorPid) - cpuBefore.emulator,
    };
    const mine = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
    const sample = mine[0];
    return {
      kind,
      size,
      upMs,
      destroyMs,
      totalMs: upMs + destroyMs,
      cpuMs,
      totalCpuMs: cpuMs.engine + cpuMs.providerHost + cpuMs.program + cpuMs.emulator,
      created: up.summary.resourceChanges?.create ?? 0,
      resources: mine.length,
      stateBytes: JSON.stringify(deployment).length,
      bytesPerResource: mine.map((r) => JSON.stringify(r).length),
      providerBytes: sample?.inputs?.__provider?.length ?? 0,
      shape: sample && {
        inputBytes: JSON.stringify(sample.inputs ?? {}).length,
        outputBytes: JSON.stringify(sample.outputs ?? {}).length,
        secretInputs: secretPaths(sample.inputs),
        secretOutputs: secretPaths(sample.outputs),
        secretBytes: [sample.inputs, sample.outputs]
          .flatMap((part) => secretPaths(part).map((path) => path.split(".").reduce((v, k) => v[k], part)))
          .reduce((total, secret) => total + JSON.stringify(secret).length, 0),
      },
      ...(profileDir
        ? { checkpoints: { up: upCheckpoints, all: checkpointFigures(backendDir) }, profileDir }
        : {}),
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(backendDir, { recursive: true, force: true });
    rmSync(timesDir, { recursive: true, force: true });
    rmSync(hostCpuDir, { recursive: true, force: true });
  }
}

// The no-op with secrets copies a real ScopedToken's secret properties: learn them from a small stack.
if (KINDS.includes("noop-secrets")) {
  const probe = await lifecycle("scoped", 1, "probe");
  const inputs = Object.fromEntries(
    probe.shape.secretInputs.map((key) => [key, pulumi.secret(randomBytes(20).toString("hex"))]),
  );
  const outputs = probe.shape.secretOutputs;
  const echoes = probe.shape.secretInputs.some((key) => outputs.includes(key));
  for (const key of outputs) if (!(key in inputs)) inputs[key] = undefined;
  secretsPerToken = { inputs, outputs, provider: echoes ? "echoing" : "minting" };
}

const runs = [];
for (const size of SIZES) {
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so a change in machine load hits every kind alike.
    for (let offset = 0; offset < KINDS.length; offset++) {
      const kind = KINDS[(round + offset) % KINDS.length];
      runs.push(await lifecycle(kind, size, round));
      console.error(
        `[bench] ${kind} x${size} round ${round + 1}/${ROUNDS}: ${(runs.at(-1).totalMs / 1000).toFixed(1)} s`,
      );
    }
  }
}
console.log(JSON.stringify(runs));
