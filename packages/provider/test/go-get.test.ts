// The Go SDK as a Go user gets it: `go get <module>@vX.Y.Z` from a git repository of the release, tagged
// as a module in a subdirectory is (`packages/provider/sdk/go/ghesoauth/vX.Y.Z`), outside the workspace
// and with no `replace`. The repository stands in for GitHub through git's `url.<local>.insteadOf`. The
// Go program (test/go's, copied) then runs up, refresh, a renewal and destroy through Go's Automation API.
import { execFile, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
import { pluginEnv } from "./support/plugin-env.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const modulePath = "github.com/ghes-oauth/ghes-oauth/packages/provider/sdk/go/ghesoauth";
const moduleDir = "packages/provider/sdk/go/ghesoauth";
const { version } = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
const tag = `${moduleDir}/v${version}`;

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return execFileSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
}

/** As `run`, without blocking the event loop: the emulator serves from this process meanwhile. */
async function runAsync(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const { stdout } = await promisify(execFile)(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return stdout;
}

describe("the Go SDK, fetched with go get at its release tag", () => {
  const work = mkdtempSync(join(tmpdir(), "ghes-oauth-go-get-"));
  const repo = join(work, "release-repo");
  const program = join(work, "program");
  let world: EmulatorWorld;
  let goEnv: Record<string, string>;

  beforeAll(async () => {
    // The release as a repository: the SDK at its path in the repo, committed and tagged.
    cpSync(join(packageDir, "sdk/go/ghesoauth"), join(repo, moduleDir), { recursive: true });
    const git = (...args: string[]) => run("git", args, repo, { GIT_CONFIG_GLOBAL: "/dev/null" });
    git("init", "--quiet", "--initial-branch=main");
    git("add", ".");
    git(
      "-c",
      "user.name=release",
      "-c",
      "user.email=release@example.com",
      "commit",
      "--quiet",
      "-m",
      "release",
    );
    git("tag", tag);

    const gitconfig = join(work, "gitconfig");
    writeFileSync(
      gitconfig,
      `[url "file://${repo}"]\n\tinsteadOf = https://github.com/ghes-oauth/ghes-oauth\n[protocol "file"]\n\tallow = always\n`,
    );
    goEnv = {
      GIT_CONFIG_GLOBAL: gitconfig,
      GOPRIVATE: "github.com/ghes-oauth",
      GONOSUMDB: "github.com/ghes-oauth",
      GOFLAGS: "-mod=mod -trimpath",
    };
    // Go's shared module cache (Pulumi's SDK is there already) must not hold our module from an earlier
    // run: go get must fetch it from the repository. Module cache folders are read-only: chmod first.
    const modcache = run("go", ["env", "GOMODCACHE"], work).trim();
    for (const dir of ["github.com/ghes-oauth", "cache/download/github.com/ghes-oauth"]) {
      const path = join(modcache, dir);
      if (!existsSync(path)) continue;
      run("chmod", ["-R", "u+w", path], work);
      rmSync(path, { recursive: true, force: true });
    }

    // The user's program: test/go's Go program, its go.mod without the workspace's replace.
    mkdirSync(program);
    for (const file of readdirSync(join(packageDir, "test/go"))) {
      if (/\.go$|^go\.(mod|sum)$/.test(file)) cpSync(join(packageDir, "test/go", file), join(program, file));
    }
    run("go", ["mod", "edit", `-dropreplace=${modulePath}`, `-droprequire=${modulePath}`], program);
    world = await startEmulatorWorld();
  }, 300_000);

  afterAll(async () => {
    await world?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it(`go get ${modulePath}@v${version} resolves the subdirectory tag`, async () => {
    await runAsync("go", ["get", `${modulePath}@v${version}`], program, goEnv);
    const goMod = readFileSync(join(program, "go.mod"), "utf8");
    expect(goMod).toContain(`${modulePath} v${version}`);
    expect(goMod).not.toContain("replace");
    const listed = JSON.parse(await runAsync("go", ["list", "-m", "-json", modulePath], program, goEnv));
    expect(listed.Version).toBe(`v${version}`);
    expect(listed.Dir).not.toContain(packageDir);
  });

  it("the program on the fetched SDK: up, refresh, renewal, destroy", async () => {
    const seed = await world.signIn();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        "go",
        ["test", "-count=1", "-v", "-timeout=15m", "-run", "TestGoProgramLifecycle", "./..."],
        {
          cwd: program,
          env: {
            ...process.env,
            ...pluginEnv(),
            ...goEnv,
            GHES_TEST_API_URL: world.emulator.apiUrl,
            GHES_TEST_ADMIN_URL: world.emulator.url,
            GHES_TEST_CLIENT_ID: world.app.client_id,
            GHES_TEST_CLIENT_SECRET: world.app.client_secret,
            GHES_TEST_REFRESH_TOKEN: seed.refreshToken ?? "",
            GHES_TEST_ORG_ID: String(world.org.id),
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let printed = "";
      child.stdout.on("data", (chunk: Buffer) => {
        printed += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        printed += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(printed) : reject(new Error(printed.slice(-4000)))));
    });
    expect(output).toContain("--- PASS: TestGoProgramLifecycle");
    expect(output).not.toContain(world.app.client_secret);
    expect(output).not.toContain(seed.refreshToken);
  });
});
