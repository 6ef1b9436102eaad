import type { ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { OAuthAppClient } from "@ghes-oauth/client";
import {
  launchChromium,
  type Page,
  saveScreenshot,
  type TestBrowser,
} from "@ghes-oauth/vitest-preset/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { type CliResult, collect, runCli, spawnCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

// `ghes-oauth login` as a real process, and Debian's Chromium playing the person at the keyboard.
let chromium: TestBrowser;
let emulator: SeededEmulator;
let env: Record<string, string>;
let clientId: string;
let clientSecret: string;
let scratch: string;

beforeAll(async () => {
  [chromium, emulator] = await Promise.all([launchChromium(), startSeededEmulator()]);
  // An app with a loopback callback URL: any port on 127.0.0.1 under /callback matches it.
  const app = await emulator.admin.createApp({
    name: "Sign-in demo",
    callbackUrls: ["http://127.0.0.1/callback"],
  });
  clientId = app.client_id;
  clientSecret = app.client_secret;
  // BROWSER=none: no test run ever starts a desktop browser; the tests drive Chromium themselves.
  env = {
    GHES_OAUTH_BASE_URL: emulator.apiUrl,
    GHES_OAUTH_CLIENT_ID: clientId,
    GHES_OAUTH_CLIENT_SECRET: clientSecret,
    BROWSER: "none",
  };
  scratch = await mkdtemp(join(tmpdir(), "ghes-oauth-login-browser-"));
});
afterAll(async () => {
  await Promise.all([chromium?.close(), emulator?.close()]);
  await rm(scratch, { recursive: true, force: true });
});

/** Starts login and resolves with the first match of `pattern` in its stderr, and its result to come. */
async function startLogin(args: string[], pattern: RegExp, extraEnv: Record<string, string> = {}) {
  const child: ChildProcess = spawnCli(["login", ...args], { env: { ...env, ...extraEnv } });
  const result: Promise<CliResult> = collect(child);
  let stderr = "";
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = pattern.exec(stderr);
      if (found) resolve(found);
    });
    void result.then((done) => reject(new Error(`login ended before printing ${pattern}: ${done.stderr}`)));
  });
  return { match, result };
}

async function signInAs(page: Page, login: string) {
  expect(new URL(page.url()).pathname).toBe("/login");
  await page.getByLabel(`@${login}`).check();
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The refresh token works on the emulator (it refreshes) and belongs to `login`. */
async function expectValidRefreshToken(refreshToken: string, login: string) {
  const client = new OAuthAppClient({ baseUrl: emulator.apiUrl, clientId, clientSecret });
  try {
    const grant = await client.refreshToken(refreshToken);
    expect((await client.checkToken(grant.access_token)).user?.login).toBe(login);
  } finally {
    await client.close();
  }
}

/** A stand-in for $BROWSER that writes the URL it was asked to open to a file. */
async function recordingBrowser(name: string): Promise<{ command: string; opened: () => Promise<string> }> {
  const log = join(scratch, `${name}.url`);
  const command = join(scratch, `${name}.sh`);
  await writeFile(command, `#!/bin/sh\nprintf '%s' "$1" > '${log}'\n`);
  await chmod(command, 0o755);
  return {
    command,
    opened: async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const url = await readFile(log, "utf8").catch(() => "");
        if (url !== "") return url;
        await sleep(50);
      }
      throw new Error(`${name} was never asked to open a URL`);
    },
  };
}

describe("ghes-oauth login, signed in through the emulator's pages in Chromium", () => {
  it("device flow: the browser signs in, enters the printed code, authorizes; the CLI finishes", async () => {
    const { match, result } = await startLogin([], /Open (\S+) and enter the code ([A-Z0-9]{4}-[A-Z0-9]{4})/);
    const [, verificationUri, userCode] = match as unknown as [string, string, string];
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(verificationUri);
    await signInAs(page, "octocat");
    await page.getByLabel("Enter the code displayed on your device").fill(userCode);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Authorize Sign-in demo" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Congratulations, you're all set!");
    const done = await result;
    expect(done.code).toBe(0);
    const refreshToken = done.stdout.trim();
    expect(refreshToken).toMatch(/^ghr_/);
    await expectValidRefreshToken(refreshToken, "octocat");
    expectNoSecrets([done.stderr, await page.content()], [refreshToken, clientSecret]);
    await context.close();
  });

  it("--web: PKCE and state through the loopback callback; the browser lands on the CLI's page", async () => {
    const { match, result } = await startLogin(["--web", "--no-open"], /Open (\S+) in your browser/);
    const authorizeUrl = new URL(match[1] as string);
    expect(authorizeUrl.pathname).toBe("/login/oauth/authorize");
    expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizeUrl.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizeUrl.searchParams.get("redirect_uri")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(authorizeUrl.toString());
    await signInAs(page, "hubot");
    await page.getByRole("button", { name: "Authorize Sign-in demo" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Signed in");
    await saveScreenshot(page, import.meta.url, "login-web-callback");
    const done = await result;
    expect(done.code, done.stderr).toBe(0);
    const refreshToken = done.stdout.trim();
    await expectValidRefreshToken(refreshToken, "hubot");
    const callbackPage = await page.content();
    expect(callbackPage).not.toMatch(/code=/);
    expectNoSecrets([done.stderr, callbackPage], [refreshToken, clientSecret]);
    await context.close();
  });

  it("--web opens $BROWSER; cancel in the browser fails the login with exit 1", async () => {
    const browser = await recordingBrowser("web-cancel");
    const { result } = await startLogin(["--web"], /Opened (\S+) in your browser/, {
      BROWSER: browser.command,
    });
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(await browser.opened());
    await signInAs(page, "octocat");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Sign-in cancelled");
    const done = await result;
    expect(done.code).toBe(1);
    expect(done.stdout).toBe("");
    expect(done.stderr).toContain("ghes-oauth login: the request was denied in the browser");
    await context.close();
  });

  it("--web refuses an answer whose state is not its own, and stops", async () => {
    const { match, result } = await startLogin(["--web", "--no-open"], /Open (\S+) in your browser/);
    const redirectUri = new URL(match[1] as string).searchParams.get("redirect_uri") as string;
    const forged = await fetch(`${redirectUri}?code=0123456789abcdef0123&state=forged`);
    expect(forged.status).toBe(400);
    const done = await result;
    expect(done.code).toBe(1);
    expect(done.stderr).toContain("a state that is not this sign-in's");
  });

  it("--open hands the device page to $BROWSER", async () => {
    const browser = await recordingBrowser("device-open");
    const { match, result } = await startLogin(["--open"], /enter the code ([A-Z0-9]{4}-[A-Z0-9]{4})/, {
      BROWSER: browser.command,
    });
    expect(await browser.opened()).toBe(`${emulator.apiUrl.replace(/\/api\/v3$/, "")}/login/device`);
    await emulator.admin.approveDeviceCode({ user_code: match[1] as string, login: "octocat" });
    const done = await result;
    expect(done.code).toBe(0);
    expect(done.stdout.trim()).toMatch(/^ghr_/);
  });

  it("--open with --no-open is a usage error (exit 2), before any request", async () => {
    const result = await runCli(["login", "--open", "--no-open"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--open and --no-open contradict each other");
  });
});
