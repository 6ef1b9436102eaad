// Runs inside the installed project (see installed-project.ts): times `pulumi up` + `pulumi destroy` of
// COUNT no-op dynamic resources and of COUNT ScopedTokens, in ROUNDS interleaved rounds, and prints one
// JSON line of results. Connection and user token come from the environment.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ScopedToken } from "@ghes-oauth/pulumi";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";

const COUNT = Number(process.env.BENCH_COUNT);
const ROUNDS = Number(process.env.BENCH_ROUNDS);
const userToken = process.env.BENCH_USER_TOKEN;

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

const programs = {
  noop: async () => {
    for (let i = 0; i < COUNT; i++) new Noop(`noop-${i}`);
  },
  scoped: async () => {
    for (let i = 0; i < COUNT; i++) {
      new ScopedToken(`token-${i}`, {
        accessToken: userToken,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
      });
    }
  },
};

async function lifecycle(kind, round) {
  mkdirSync(join(process.cwd(), ".pulumi"), { recursive: true });
  const workDir = mkdtempSync(join(process.cwd(), ".pulumi", "work-"));
  const backendDir = mkdtempSync(join(process.cwd(), ".pulumi", "backend-"));
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "bench", projectName: `bench-${kind}-${round}`, program: programs[kind] },
      {
        workDir,
        secretsProvider: "passphrase",
        envVars: { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: "bench" },
      },
    );
    if (kind === "scoped") {
      await stack.setAllConfig({
        "ghes-oauth:baseUrl": { value: process.env.BENCH_API_URL },
        "ghes-oauth:clientId": { value: process.env.BENCH_CLIENT_ID },
        "ghes-oauth:clientSecret": { value: process.env.BENCH_CLIENT_SECRET, secret: true },
      });
    }
    const upStarted = performance.now();
    const up = await stack.up({ parallel: 32 });
    const upMs = performance.now() - upStarted;
    const resources = (await stack.workspace.exportStack("bench")).deployment.resources ?? [];
    const destroyStarted = performance.now();
    await stack.destroy({ parallel: 32 });
    const destroyMs = performance.now() - destroyStarted;
    const mine = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
    return {
      upMs,
      destroyMs,
      totalMs: upMs + destroyMs,
      created: up.summary.resourceChanges?.create ?? 0,
      bytesPerResource: mine.map((r) => JSON.stringify(r).length),
      providerBytes: mine[0]?.inputs?.__provider?.length ?? 0,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(backendDir, { recursive: true, force: true });
  }
}

const runs = { noop: [], scoped: [] };
for (let round = 0; round < ROUNDS; round++) {
  runs.noop.push(await lifecycle("noop", round));
  runs.scoped.push(await lifecycle("scoped", round));
}
console.log(JSON.stringify(runs));
