// A Pulumi YAML program, run as its users run it: the real CLI's plain `pulumi up`, `refresh` and
// `destroy` with the YAML language host (tooling/bootstrap.sh builds it), the plugin installed from its
// release archive (`pulumi plugin install --file`) into an empty PULUMI_HOME. All three resources and an
// explicit provider; no secret in the state at rest or in anything the CLI printed.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
const commandDir = (name: string) =>
  dirname(execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim());

const program = `name: yaml-tokens
runtime: yaml
description: UserToken, ScopedToken and ScopedTokenSet through an explicit provider, in Pulumi YAML.
config:
  baseUrl: { type: string }
  clientId: { type: string }
  clientSecret: { type: string, secret: true }
  userRefreshToken: { type: string, secret: true }
resources:
  acme-app:
    type: pulumi:providers:ghes-oauth
    properties:
      baseUrl: \${baseUrl}
      clientId: \${clientId}
      clientSecret: \${clientSecret}
  octocat:
    type: ghes-oauth:UserToken
    properties:
      refreshToken: \${userRefreshToken}
      renewBefore: 2h
    options:
      provider: \${acme-app}
  reader:
    type: ghes-oauth:ScopedToken
    properties:
      accessToken: \${octocat.accessToken}
      target: acme
      repositories: [api]
      permissions:
        contents: read
    options:
      provider: \${acme-app}
  bots:
    type: ghes-oauth:ScopedTokenSet
    properties:
      accessToken: \${octocat.accessToken}
      scopes:
        docs-read:
          target: acme
          repositories: [docs]
          permissions:
            contents: read
        issue-bot:
          target: acme
          permissions:
            issues: write
    options:
      provider: \${acme-app}
outputs:
  userLogin: \${octocat.userLogin}
  readerLastEight: \${reader.tokenLastEight}
  readerSelection: \${reader.repositorySelection}
  readerToken: \${reader.token}
  botTokens: \${bots.tokens}
  userAccessToken: \${octocat.accessToken}
`;

describe("a Pulumi YAML program: plain pulumi up, refresh, destroy with the real CLI", () => {
  const work = mkdtempSync(join(tmpdir(), "ghes-oauth-yaml-"));
  const project = join(work, "project");
  const home = join(work, "pulumi-home");
  let world: EmulatorWorld;
  let printed = "";
  let seedRefreshToken = "";
  let env: Record<string, string>;

  /**
   * Runs the CLI asynchronously (the emulator answers from this process) and keeps what it printed,
   * except for the one command that is asked to show secrets.
   */
  const pulumi = async (...args: string[]) => {
    const { stdout, stderr } = await promisify(execFile)("pulumi", args, {
      cwd: project,
      env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(
        `pulumi ${args.join(" ")} failed:\n${error.stdout ?? ""}${error.stderr ?? error.message}`,
      );
    });
    if (!args.includes("--show-secrets")) printed += stdout + stderr;
    return stdout;
  };
  const scopedLive = async () => (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped);

  beforeAll(async () => {
    const artifacts = join(work, "artifacts");
    execFileSync(
      "node",
      [join(packageDir, "scripts/build-plugins.mjs"), "--out", artifacts, "--platforms", "linux-amd64"],
      { stdio: "ignore" },
    );
    execFileSync("mkdir", ["-p", project, home]);
    writeFileSync(join(project, "Pulumi.yaml"), program);
    env = {
      // The CLI and the YAML language host only: the plugin is the standalone one, no node needed.
      PATH: [commandDir("pulumi"), commandDir("pulumi-language-yaml")].join(":"),
      HOME: home,
      PULUMI_HOME: home,
      PULUMI_BACKEND_URL: `file://${join(work, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "ghes-oauth-yaml-test",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    execFileSync("mkdir", ["-p", join(work, "backend")]);
    world = await startEmulatorWorld();
    await pulumi(
      "plugin",
      "install",
      "resource",
      "ghes-oauth",
      version,
      "--file",
      join(artifacts, `pulumi-resource-ghes-oauth-v${version}-linux-amd64.tar.gz`),
    );
    seedRefreshToken = (await world.signIn()).refreshToken ?? "";
    await pulumi("stack", "init", "test");
    await pulumi("config", "set", "baseUrl", world.connection.baseUrl);
    await pulumi("config", "set", "clientId", world.connection.clientId);
    await pulumi("config", "set", "--secret", "clientSecret", world.connection.clientSecret);
    await pulumi("config", "set", "--secret", "userRefreshToken", seedRefreshToken);
  }, 600_000);

  afterAll(async () => {
    await world?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("pulumi up mints a user token, a scoped token and a set of two", async () => {
    await pulumi("up", "--yes", "--non-interactive");
    const outputs = JSON.parse(await pulumi("stack", "output", "--json"));
    expect(outputs.userLogin).toBe("octocat");
    expect(outputs.readerLastEight).toHaveLength(8);
    expect(outputs.readerSelection).toBe("selected");
    expect(outputs.readerToken).toBe("[secret]");
    expect(outputs.botTokens).toBe("[secret]");
    expect(await scopedLive()).toHaveLength(3);
  });

  it("pulumi refresh finds every token valid", async () => {
    await pulumi("refresh", "--yes", "--non-interactive");
    expect(await scopedLive()).toHaveLength(3);
    const preview = await pulumi("preview", "--non-interactive", "--diff");
    expect(preview).not.toMatch(/[+-]\s+ghes-oauth:index:/);
  });

  it("no token, refresh token or client secret in the state at rest or the CLI's output", async () => {
    const secrets = JSON.parse(await pulumi("stack", "output", "--json", "--show-secrets"));
    const values = [
      secrets.readerToken,
      secrets.userAccessToken,
      ...Object.values(secrets.botTokens as Record<string, string>),
      seedRefreshToken,
      world.connection.clientSecret,
    ];
    expect(values.every((value) => typeof value === "string" && value.length > 8)).toBe(true);
    const state = await pulumi("stack", "export");
    for (const value of values) {
      expect(state).not.toContain(value);
      expect(printed).not.toContain(value);
    }
  });

  it("pulumi destroy revokes every scoped token", async () => {
    await pulumi("destroy", "--yes", "--non-interactive");
    expect(await scopedLive()).toEqual([]);
  });
});
