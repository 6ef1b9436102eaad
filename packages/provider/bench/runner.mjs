// One `pulumi up` + `pulumi destroy` of BENCH_COUNT tokens, as BENCH_KIND says: `native` (the generated
// Node.js SDK, the plugin found on PATH) or `dynamic` (@ghes-oauth/pulumi, run from a project that
// installed it as a user's does); as BENCH_SHAPE says: one ScopedToken per token (`token`) or
// ScopedTokenSets of 100 entries (`set`). Prints one JSON line. Connection and user token from the env.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";

const COUNT = Number(process.env.BENCH_COUNT);
const KIND = process.env.BENCH_KIND;
const SHAPE = process.env.BENCH_SHAPE ?? "token";
const SET_SIZE = 100;
const { ScopedToken, ScopedTokenSet } = await import(
  KIND === "native" ? "@ghes-oauth/provider-sdk" : "@ghes-oauth/pulumi"
);
const scope = { target: "acme", repositories: ["api"], permissions: { contents: "read" } };

const program = async () => {
  if (SHAPE === "set") {
    for (let first = 0; first < COUNT; first += SET_SIZE) {
      const names = Array.from({ length: Math.min(SET_SIZE, COUNT - first) }, (_, i) => `token-${first + i}`);
      new ScopedTokenSet(`set-${first / SET_SIZE}`, {
        accessToken: process.env.BENCH_USER_TOKEN,
        scopes: Object.fromEntries(names.map((name) => [name, scope])),
      });
    }
    return;
  }
  for (let i = 0; i < COUNT; i++) {
    new ScopedToken(`token-${i}`, { accessToken: process.env.BENCH_USER_TOKEN, ...scope });
  }
};

mkdirSync(join(process.cwd(), ".pulumi"), { recursive: true });
const workDir = mkdtempSync(join(process.cwd(), ".pulumi", "work-"));
const backendDir = mkdtempSync(join(process.cwd(), ".pulumi", "backend-"));
try {
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "bench", projectName: `bench-${KIND}-${SHAPE}`, program },
    {
      workDir,
      secretsProvider: "passphrase",
      envVars: { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: "bench" },
    },
  );
  await stack.setAllConfig({
    "ghes-oauth:baseUrl": { value: process.env.BENCH_API_URL },
    "ghes-oauth:clientId": { value: process.env.BENCH_CLIENT_ID },
    "ghes-oauth:clientSecret": { value: process.env.BENCH_CLIENT_SECRET, secret: true },
  });
  const upStarted = performance.now();
  const up = await stack.up({ parallel: 32 });
  const upMs = performance.now() - upStarted;
  const resources = (await stack.workspace.exportStack("bench")).deployment.resources ?? [];
  const destroyStarted = performance.now();
  await stack.destroy({ parallel: 32 });
  const destroyMs = performance.now() - destroyStarted;
  const holders = resources.filter((r) => /ScopedToken(Set)?$/.test(r.type));
  const entriesOf = (r) => (r.type.endsWith("Set") ? Object.keys(r.outputs?.tokenDetails ?? {}).length : 1);
  const providers = resources.filter((r) => r.type.startsWith("pulumi:providers:"));
  console.log(
    JSON.stringify({
      upMs,
      destroyMs,
      totalMs: upMs + destroyMs,
      created: holders.reduce((sum, r) => sum + entriesOf(r), 0),
      createSteps: up.summary.resourceChanges?.create ?? 0,
      bytesPerToken: holders.map((r) => JSON.stringify(r).length / entriesOf(r)),
      providerResourceBytes: providers.reduce((sum, r) => sum + JSON.stringify(r).length, 0),
      stateBytes: JSON.stringify(resources).length,
    }),
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(backendDir, { recursive: true, force: true });
}
