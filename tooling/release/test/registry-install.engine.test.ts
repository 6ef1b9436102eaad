// The release, end to end against a real registry: `pnpm release` publishes every public package to a
// local Verdaccio (npm's configuration names it, as a CI job's npmrc would), then a new project outside
// the workspace installs @ghes-oauth/pulumi, @ghes-oauth/cli and @ghes-oauth/emulator by name and version
// with plain `npm install` (the @ghes-oauth scope from that registry, everything else from npm's usual
// registry) and uses them: the CLI's and the emulator's bins, and a Pulumi program that mints and revokes
// a ScopedToken against that emulator.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicPackages, root } from "../src/workspace.ts";
import { type LocalRegistry, startLocalRegistry } from "./support/local-registry.ts";

const packages = publicPackages();
const versionOf = (name: string) => packages.find((pkg) => pkg.name === name)?.version ?? "missing";
const pulumiVersion = JSON.parse(
  readFileSync(join(root, "packages/provider/sdk/nodejs/node_modules/@pulumi/pulumi/package.json"), "utf8"),
).version as string;

// The user's program: seeds the emulator through @ghes-oauth/emulator/testing, then up and destroy of one
// ScopedToken through the Automation API (inline program: no Node.js language host here).
const program = `
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";
import { ScopedToken } from "@ghes-oauth/pulumi";
import { seedWorld } from "@ghes-oauth/emulator/testing";

const world = await seedWorld(process.env.EMULATOR_API_URL);
const liveScoped = async () => (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped).length;
const stack = await LocalWorkspace.createOrSelectStack(
  {
    stackName: "dev",
    projectName: "registry-install",
    program: async () => {
      const token = new ScopedToken("ci-read", {
        accessToken: world.userToken.token,
        target: "acme",
        repositories: ["api"],
        permissions: { contents: "read" },
        connection: world.connection,
      });
      return { lastEight: token.tokenLastEight, token: token.token };
    },
  },
  { workDir: process.cwd(), secretsProvider: "passphrase" },
);
const up = await stack.up();
const afterUp = await liveScoped();
await stack.destroy();
console.log(JSON.stringify({
  lastEight: up.outputs.lastEight.value,
  tokenIsSecret: up.outputs.token.secret,
  afterUp,
  afterDestroy: await liveScoped(),
}));
`;

describe("released to a registry, installed by name and version, used as a user would", () => {
  let registry: LocalRegistry;
  let emulator: ChildProcess | undefined;
  const project = mkdtempSync(join(tmpdir(), "ghes-oauth-user-project-"));
  const backend = mkdtempSync(join(tmpdir(), "ghes-oauth-user-backend-"));
  const run = (command: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(command, args, { cwd: project, encoding: "utf8", env: { ...process.env, ...env } });

  beforeAll(async () => {
    registry = await startLocalRegistry();
  });

  afterAll(async () => {
    emulator?.kill();
    await registry?.close();
    for (const dir of [project, backend]) rmSync(dir, { recursive: true, force: true });
  });

  it("pnpm release publishes every public package to the registry npm's config names", async () => {
    execFileSync("pnpm", ["release", "--no-git-tag"], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NPM_CONFIG_USERCONFIG: registry.npmrc, npm_config_registry: registry.url },
    });
    for (const pkg of packages) {
      const response = await fetch(`${registry.url}${pkg.name.replace("/", "%2f")}`);
      expect(response.status, pkg.name).toBe(200);
      const manifest = (await response.json()) as { versions: Record<string, { dependencies?: object }> };
      expect(Object.keys(manifest.versions), pkg.name).toEqual([pkg.version]);
      expect(JSON.stringify(manifest.versions[pkg.version]?.dependencies ?? {})).not.toContain("workspace:");
    }
  }, 600_000);

  it("npm install in a new project outside the workspace takes them by name and version", () => {
    // The scope from the local registry; every other package from npm's usual registry.
    writeFileSync(join(project, ".npmrc"), `@ghes-oauth:registry=${registry.url}\n`);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "user-project", private: true, type: "module" }),
    );
    run("npm", [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      `@ghes-oauth/pulumi@${versionOf("@ghes-oauth/pulumi")}`,
      `@ghes-oauth/cli@${versionOf("@ghes-oauth/cli")}`,
      `@ghes-oauth/emulator@${versionOf("@ghes-oauth/emulator")}`,
      `@pulumi/pulumi@${pulumiVersion}`,
    ]);
    const installed = JSON.parse(run("npm", ["ls", "--json", "--all"]));
    expect(installed.dependencies["@ghes-oauth/pulumi"].version).toBe(versionOf("@ghes-oauth/pulumi"));
    expect(installed.dependencies["@ghes-oauth/pulumi"].dependencies["@ghes-oauth/client"].version).toBe(
      versionOf("@ghes-oauth/client"),
    );
  }, 600_000);

  it("npx ghes-oauth --version prints the released version", () => {
    expect(run("npx", ["--no-install", "ghes-oauth", "--version"]).trim()).toContain(
      versionOf("@ghes-oauth/cli"),
    );
  });

  it("@ghes-oauth/pulumi loads by ESM import and by CommonJS require", () => {
    const names = "Object.keys(m).filter((k) => ['ScopedToken', 'UserToken'].includes(k)).sort().join()";
    expect(
      run("node", [
        "--input-type=module",
        "-e",
        `const m = await import("@ghes-oauth/pulumi"); console.log(${names})`,
      ]).trim(),
    ).toBe("ScopedToken,UserToken");
    expect(run("node", ["-e", `const m = require("@ghes-oauth/pulumi"); console.log(${names})`]).trim()).toBe(
      "ScopedToken,UserToken",
    );
  });

  it("the emulator's bin serves the API, and a Pulumi program mints and revokes a ScopedToken against it", async () => {
    emulator = spawn(
      join(project, "node_modules/.bin/ghes-oauth-emulator"),
      ["--port", "0", "--host", "127.0.0.1"],
      {
        cwd: project,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const apiUrl = await new Promise<string>((resolve, reject) => {
      emulator?.once("exit", (code) => reject(new Error(`ghes-oauth-emulator exited (${code})`)));
      createInterface({ input: emulator?.stdout as NodeJS.ReadableStream }).on("line", (line) => {
        const url = /(http:\/\/\S+\/api\/v3)/.exec(line)?.[1];
        if (url) resolve(url);
      });
    });
    expect((await fetch(`${apiUrl}/meta`)).status).toBe(200);

    writeFileSync(join(project, "program.mjs"), program);
    const printed = run("node", ["program.mjs"], {
      EMULATOR_API_URL: apiUrl,
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_CONFIG_PASSPHRASE: "registry-install",
    });
    const result = JSON.parse(printed.trim().split("\n").at(-1) ?? "{}");
    expect(result).toMatchObject({ tokenIsSecret: true, afterUp: 1, afterDestroy: 0 });
    expect(result.lastEight).toHaveLength(8);
  }, 600_000);
});
