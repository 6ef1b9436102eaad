// Runs inside an installed project (see ../support/installed-project.ts) with one @pulumi/pulumi version:
// `pulumi up`, `pulumi refresh` and `pulumi destroy` of one ScopedToken through the Automation API, then
// one JSON line with what the engine reported. Connection and user token come from the environment.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ScopedToken } from "@ghes-oauth/pulumi";
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";

const require = createRequire(import.meta.url);
// The SDK copy this project resolves, and the one @ghes-oauth/pulumi resolves: they must be the same file.
const projectSdk = require.resolve("@pulumi/pulumi/package.json");
const packageSdk = createRequire(require.resolve("@ghes-oauth/pulumi")).resolve(
  "@pulumi/pulumi/package.json",
);

mkdirSync(join(process.cwd(), ".pulumi"), { recursive: true });
const workDir = mkdtempSync(join(process.cwd(), ".pulumi", "work-"));
const backendDir = mkdtempSync(join(process.cwd(), ".pulumi", "backend-"));
try {
  const stack = await LocalWorkspace.createOrSelectStack(
    {
      stackName: "sdk-range",
      projectName: "sdk-range",
      program: async () => {
        const token = new ScopedToken("ci-read", {
          accessToken: process.env.SDK_RANGE_USER_TOKEN,
          target: "acme",
          repositories: ["api"],
          permissions: { contents: "read" },
        });
        return { hashedToken: token.hashedToken, type: token.urn.apply((urn) => urn.split("::")[2]) };
      },
    },
    {
      workDir,
      secretsProvider: "passphrase",
      envVars: { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: "sdk-range" },
    },
  );
  await stack.setAllConfig({
    "ghes-oauth:baseUrl": { value: process.env.SDK_RANGE_API_URL },
    "ghes-oauth:clientId": { value: process.env.SDK_RANGE_CLIENT_ID },
    "ghes-oauth:clientSecret": { value: process.env.SDK_RANGE_CLIENT_SECRET, secret: true },
  });
  const up = await stack.up();
  const refresh = await stack.refresh();
  const destroy = await stack.destroy();
  console.log(
    JSON.stringify({
      sdkVersion: require("@pulumi/pulumi/package.json").version,
      sameSdk: projectSdk === packageSdk,
      sdkDir: dirname(projectSdk),
      upCreated: up.summary.resourceChanges?.create ?? 0,
      hashedToken: up.outputs.hashedToken?.value,
      type: up.outputs.type?.value,
      refreshResult: refresh.summary.result,
      refreshChanges: refresh.summary.resourceChanges ?? {},
      destroyDeleted: destroy.summary.resourceChanges?.delete ?? 0,
    }),
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(backendDir, { recursive: true, force: true });
}
