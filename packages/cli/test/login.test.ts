import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { OAuthAppClient } from "@ghes-oauth/client";
import { EmulatorAdmin } from "@ghes-oauth/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { collect, spawnCli } from "./support/run-cli.js";
import { runInPty } from "./support/run-in-pty.js";
import { expectNoSecrets } from "./support/secrets.js";

const run = promisify(execFile);
const USER_CODE = /enter the code ([A-Z0-9]{4}-[A-Z0-9]{4})/;

let emulator: SeededEmulator;
let admin: EmulatorAdmin;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  admin = new EmulatorAdmin(emulator.apiUrl);
});
afterAll(() => emulator.close());

function clientFor(clientId: string, clientSecret: string) {
  return new OAuthAppClient({ baseUrl: emulator.apiUrl, clientId, clientSecret });
}

/** Runs login as a real process (pipes), approves the user code it prints as octocat, and waits for it. */
async function loginApproving(args: string[], env: Record<string, string | undefined>, deny = false) {
  const child = spawnCli(["login", ...args], { env });
  const result = collect(child);
  let stderr = "";
  const userCode = await new Promise<string>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = USER_CODE.exec(stderr);
      if (match) resolve(match[1] as string);
    });
    void result.then((done) => reject(new Error(`login exited before printing a code: ${done.stderr}`)));
  });
  await admin.approveDeviceCode({ user_code: userCode, login: "octocat", deny });
  return { ...(await result), userCode };
}

describe("login (device flow)", () => {
  it("to a pipe: prints the refresh token alone on stdout; the code and progress go to stderr", async () => {
    const result = await loginApproving([], emulator.env);
    expect(result.code).toBe(0);
    const refreshToken = result.stdout.trim();
    expect(refreshToken).toMatch(/^ghr_[A-Za-z0-9]+$/);
    expect(result.stderr).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/login\/device and enter the code/);
    expect(result.stderr).toContain("Waiting for approval (checking every 5s)");
    expect(result.stderr).toMatch(/Printed the refresh token, valid until \d{4}-/);
    const client = clientFor(emulator.clientId, emulator.clientSecret);
    try {
      const grant = await client.refreshToken(refreshToken);
      expect((await client.checkToken(grant.access_token)).user?.login).toBe("octocat");
    } finally {
      await client.close();
    }
    expectNoSecrets([result.stderr], [refreshToken, emulator.clientSecret]);
  });

  it("for an app whose tokens do not expire, the access token", async () => {
    const app = await admin.createApp({ name: "Classic", expiringUserTokens: false });
    const env = {
      ...emulator.env,
      GHES_OAUTH_CLIENT_ID: app.client_id,
      GHES_OAUTH_CLIENT_SECRET: app.client_secret,
    };
    const result = await loginApproving([], env);
    expect(result.code).toBe(0);
    const accessToken = result.stdout.trim();
    expect(result.stderr).toContain("Printed the access token (this app's tokens do not expire)");
    const client = clientFor(app.client_id, app.client_secret);
    try {
      expect(await client.checkToken(accessToken)).toMatchObject({
        user: { login: "octocat" },
        expires_at: null,
      });
    } finally {
      await client.close();
    }
  });

  it("a denied request exits 1 and says so", async () => {
    const result = await loginApproving([], emulator.env, true);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ghes-oauth login: the request was denied in the browser");
    expect(result.stdout).toBe("");
  });

  it("--pulumi-config stores the refresh token as an encrypted secret in the stack's config", async () => {
    const project = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-login-"));
    await writeFile(join(project, "Pulumi.yaml"), "name: cli-login\nruntime: nodejs\n");
    const pulumiEnv = {
      PULUMI_BACKEND_URL: `file://${join(project, ".state")}`,
      PULUMI_CONFIG_PASSPHRASE: "correct horse battery staple",
      PULUMI_SKIP_UPDATE_CHECK: "true",
    };
    await mkdir(join(project, ".state"));
    await run("pulumi", ["stack", "init", "dev", "--cwd", project], {
      env: { ...process.env, ...pulumiEnv },
    });

    const result = await loginApproving(
      ["--pulumi-config", "ghes-oauth:refreshToken", "--stack", "dev", "--cwd", project],
      { ...emulator.env, ...pulumiEnv },
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /Stored the refresh token as the secret config value ghes-oauth:refreshToken, valid until/,
    );
    const { stdout: stored } = await run(
      "pulumi",
      ["config", "get", "ghes-oauth:refreshToken", "--stack", "dev", "--cwd", project],
      { env: { ...process.env, ...pulumiEnv } },
    );
    const refreshToken = stored.trim();
    expect(refreshToken).toMatch(/^ghr_/);
    const stackFile = await readFile(join(project, "Pulumi.dev.yaml"), "utf8");
    expect(stackFile).toMatch(/ghes-oauth:refreshToken:\n\s+secure: v1:/);
    expectNoSecrets([stackFile, result.stdout, result.stderr], [refreshToken, emulator.clientSecret]);
    const client = clientFor(emulator.clientId, emulator.clientSecret);
    try {
      expect((await client.refreshToken(refreshToken)).access_token).toMatch(/^ghu_/);
    } finally {
      await client.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("--pulumi-config when pulumi config set fails: the live token is kept in a 0600 file, never printed, with the retry", async () => {
    const work = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-login-fail-"));
    const bin = join(work, "bin");
    const temp = join(work, "tmp");
    await mkdir(bin);
    await mkdir(temp);
    // A pulumi that fails as it does for a stack that does not exist.
    await writeFile(
      join(bin, "pulumi"),
      "#!/bin/sh\necho \"error: no stack named 'nope' found\" >&2\nexit 255\n",
      {
        mode: 0o755,
      },
    );
    try {
      const result = await loginApproving(["--pulumi-config", "ghes-oauth:refreshToken", "--stack", "nope"], {
        ...emulator.env,
        PATH: `${bin}:${process.env.PATH}`,
        TMPDIR: temp,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("pulumi config set --secret ghes-oauth:refreshToken failed (exit 255)");
      expect(result.stderr).toContain("no stack named 'nope' found");
      const file = /written to (\S+) \(mode 0600/.exec(result.stderr)?.[1] ?? "";
      expect(file.startsWith(temp)).toBe(true);
      expect(result.stderr).toContain(
        `store it with: pulumi config set --secret ghes-oauth:refreshToken --stack nope < ${file}`,
      );
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(file))).mode & 0o777).toBe(0o700);
      const refreshToken = (await readFile(file, "utf8")).trim();
      expect(refreshToken).toMatch(/^ghr_/);
      expectNoSecrets([result.stdout, result.stderr], [refreshToken, emulator.clientSecret]);
      const client = clientFor(emulator.clientId, emulator.clientSecret);
      try {
        expect((await client.refreshToken(refreshToken)).access_token).toMatch(/^ghu_/);
      } finally {
        await client.close();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it("on a terminal: a spinner while waiting, and the token is not shown", async () => {
    const session = runInPty(["login"], emulator.env);
    const [, userCode] = await session.waitFor(USER_CODE);
    await session.waitFor(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waiting for approval \(checking every 5s\)/);
    await admin.approveDeviceCode({ user_code: userCode as string, login: "octocat" });
    const { code, output } = await session.exited;
    expect(code).toBe(0);
    expect(output).toContain("Approved.");
    expect(output).toContain("The refresh token is not shown on a terminal: add --show-token");
    expect(output).not.toMatch(/gh[ur]_[A-Za-z0-9]{20,}/);
  });

  it("--stack without --pulumi-config is a usage error", async () => {
    const result = await collect(spawnCli(["login", "--stack", "dev"], { env: emulator.env }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--stack and --cwd go with --pulumi-config KEY");
  });
});
