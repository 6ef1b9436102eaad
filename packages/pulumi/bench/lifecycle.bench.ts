// `pulumi up` + `pulumi destroy` of 100 ScopedTokens vs the same stack of 100 no-op dynamic resources, in one
// run, against an emulator in its own process; plus the state bytes each ScopedToken costs.
// Run: pnpm --filter @ghes-oauth/pulumi bench (needs the Pulumi CLI on PATH: `npm run bootstrap` provides it).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { EmulatorAdmin } from "@ghes-oauth/emulator";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type PulumiFn } from "@pulumi/pulumi/automation/index.js";

// The built package, as a user imports it: its serialized provider is what lands in their state.
const { ScopedToken } = (await import("@ghes-oauth/pulumi")) as typeof import("../src/index.js");

const COUNT = Number(process.env.BENCH_COUNT ?? 100);
const here = dirname(fileURLToPath(import.meta.url));
const projectDir = join(here, "..", "test", "project");
const emulatorBin = join(here, "..", "..", "emulator", "bin", "ghes-oauth-emulator.js");

const noopProvider: pulumi.dynamic.ResourceProvider = {
  async create() {
    return { id: `noop-${Math.random().toString(36).slice(2)}`, outs: {} };
  },
  async delete() {},
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super(noopProvider, name, {});
  }
}

async function startEmulatorProcess() {
  const child = spawn(process.execPath, [emulatorBin, "--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  return { apiUrl: line.trim(), stop: () => child.kill("SIGTERM") };
}

async function timeLifecycle(
  name: string,
  program: PulumiFn,
  config: Record<string, { value: string; secret?: boolean }>,
) {
  mkdirSync(join(projectDir, ".pulumi"), { recursive: true });
  const workDir = mkdtempSync(join(projectDir, ".pulumi", "bench-"));
  const backendDir = mkdtempSync(join(tmpdir(), "ghes-oauth-bench-"));
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "bench", projectName: `bench-${name}`, program },
      {
        workDir,
        secretsProvider: "passphrase",
        envVars: { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: "bench" },
      },
    );
    await stack.setAllConfig(config);
    const upStarted = performance.now();
    const up = await stack.up({ parallel: 32 });
    const upMs = performance.now() - upStarted;
    const exported = JSON.stringify(await stack.workspace.exportStack("bench"));
    if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, exported);
    const destroyStarted = performance.now();
    await stack.destroy({ parallel: 32 });
    const destroyMs = performance.now() - destroyStarted;
    return {
      upMs,
      destroyMs,
      totalMs: upMs + destroyMs,
      created: up.summary.resourceChanges?.create ?? 0,
      exported,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(backendDir, { recursive: true, force: true });
  }
}

async function main() {
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
    const config = {
      "ghes-oauth:baseUrl": { value: emulator.apiUrl },
      "ghes-oauth:clientId": { value: app.client_id },
      "ghes-oauth:clientSecret": { value: app.client_secret, secret: true },
    };

    const noop = await timeLifecycle(
      "noop",
      async () => {
        for (let i = 0; i < COUNT; i++) new Noop(`noop-${i}`);
      },
      {},
    );
    const scoped = await timeLifecycle(
      "scoped",
      async () => {
        for (let i = 0; i < COUNT; i++) {
          new ScopedToken(`token-${i}`, {
            accessToken: token,
            target: "acme",
            repositories: ["api"],
            permissions: { contents: "read" },
          });
        }
      },
      config,
    );
    if (scoped.created !== COUNT + 1) throw new Error(`expected ${COUNT + 1} creates, got ${scoped.created}`);

    const deployment = JSON.parse(scoped.exported).deployment as { resources: { type: string }[] };
    const tokens = deployment.resources.filter((r) => r.type.endsWith("ghes-oauth:ScopedToken"));
    const perToken = tokens.map((r) => JSON.stringify(r).length);
    const providerBytes = (tokens[0] as unknown as { inputs: { __provider: string } }).inputs.__provider
      .length;

    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
    console.log(`resources per stack: ${COUNT}`);
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
      `state bytes per ScopedToken: mean ${Math.round(perToken.reduce((a, b) => a + b, 0) / perToken.length)}, ` +
        `max ${Math.max(...perToken)} (goal <= 4096), of which __provider ${providerBytes}`,
    );
    console.log(`whole exported state: ${scoped.exported.length} bytes for ${COUNT} tokens`);
  } finally {
    emulator.stop();
  }
}

await main();
