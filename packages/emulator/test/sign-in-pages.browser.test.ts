import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type BrowserContext,
  launchChromium,
  type Page,
  saveScreenshot,
  type TestBrowser,
} from "@ghes-oauth/vitest-preset/browser";
import { Octokit } from "@octokit/core";
import { createNodeMiddleware, OAuthApp } from "@octokit/oauth-app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededEmulator, startSeededEmulator } from "../src/testing.js";
import { oauthPost } from "./support/oauth.js";

// One browser for the file; each test gets a context (a fresh cookie jar) of its own.
let chromium: TestBrowser;
let emulator: SeededEmulator;
let origin: string;
const accessLog: string[] = [];

beforeAll(async () => {
  [chromium, emulator] = await Promise.all([
    launchChromium(),
    startSeededEmulator({ log: (line) => accessLog.push(line), world: { otherUsers: ["hubot"] } }),
  ]);
  origin = emulator.emulator.url;
});
afterAll(async () => {
  await Promise.all([chromium?.close(), emulator?.close()]);
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  // A small window: the screenshots (test-output/screenshots) stay small and readable.
  const context = await chromium.browser.newContext({ viewport: { width: 760, height: 560 } });
  return { context, page: await context.newPage() };
}

/** Signs in on the account picker the page is on (or is sent to). */
async function signInAs(page: Page, login: string) {
  await page.getByLabel(`@${login}`).check();
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A loopback server standing in for an app's callback URL: it records the query of each request. */
async function startCallback(): Promise<{ url: string; queries: URLSearchParams[]; server: Server }> {
  const queries: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/callback") queries.push(url.searchParams);
    res
      .writeHead(200, { "content-type": "text/html" })
      .end("<!doctype html><title>Callback</title><h1>Back at the app</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, queries, server };
}

async function startDeviceFlow(clientId: string = emulator.app.client_id) {
  const answer = await oauthPost(origin, "/login/device/code", { client_id: clientId });
  return answer.fields as { device_code: string; user_code: string; verification_uri: string };
}

async function pollDevice(deviceCode: string) {
  return (
    await oauthPost(origin, "/login/oauth/access_token", {
      client_id: emulator.app.client_id,
      device_code: deviceCode,
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
    })
  ).fields;
}

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeUrl(params: Record<string, string>) {
  return `${origin}/login/oauth/authorize?${new URLSearchParams({ client_id: emulator.app.client_id, ...params })}`;
}

async function exchange(code: string, extra: Record<string, string> = {}) {
  return (
    await oauthPost(origin, "/login/oauth/access_token", {
      client_id: emulator.app.client_id,
      client_secret: emulator.app.client_secret,
      code,
      ...extra,
    })
  ).fields;
}

describe("the device flow's pages", () => {
  it("sign in, enter the code (lower case, no dash), authorize, done: the poll gets a token", async () => {
    const { context, page } = await newPage();
    const device = await startDeviceFlow();
    await page.goto(device.verification_uri);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByText("The emulator has no passwords").count()).toBe(1);
    await saveScreenshot(page, import.meta.url, "sign-in");
    await signInAs(page, "octocat");

    expect(new URL(page.url()).pathname).toBe("/login/device");
    expect(await page.locator("h1").count()).toBe(1);
    // The code field takes focus first, then the button: the order a keyboard user meets them.
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("user-code");
    await saveScreenshot(page, import.meta.url, "device-code-entry");
    await page
      .getByLabel("Enter the code displayed on your device")
      .fill(device.user_code.replace("-", "").toLowerCase());
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      `Authorize ${emulator.app.name}`,
    );
    const text = await page.locator("main").textContent();
    expect(text).toContain("@octocat");
    expect(text).toContain("contents: write");
    await saveScreenshot(page, import.meta.url, "device-authorize");
    await page.getByRole("button", { name: `Authorize ${emulator.app.name}` }).click();

    await expect(page.locator("h1").textContent()).resolves.toBe("Congratulations, you're all set!");
    await saveScreenshot(page, import.meta.url, "device-done");
    const grant = await pollDevice(device.device_code);
    expect(grant.access_token).toMatch(/^ghu_/);
    const checked = await emulator.admin.liveTokens(emulator.app.client_id);
    expect(checked.some((token) => token.user.login === "octocat")).toBe(true);

    // The session cookie: HttpOnly, SameSite=Lax, no expiry (a session cookie).
    const cookies = await context.cookies(origin);
    const session = cookies.find((cookie) => cookie.name.startsWith("ghes_emulator_session_"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", expires: -1 });
    const html = await page.content();
    expect(html).not.toContain(device.device_code);
    await context.close();
  });

  it("cancel on the authorize page: the poll is access_denied and the code cannot be used again", async () => {
    const { context, page } = await newPage();
    const device = await startDeviceFlow();
    await page.goto(`${origin}/login/device`);
    await signInAs(page, "hubot");
    await page.getByLabel("Enter the code displayed on your device").fill(device.user_code);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Authorization cancelled");
    expect((await pollDevice(device.device_code)).error).toBe("access_denied");

    await page.goto(`${origin}/login/device`);
    await page.getByLabel("Enter the code displayed on your device").fill(device.user_code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("Recheck the code and try again.");
    await context.close();
  });

  it("a wrong code and an expired code get the same answer; sign out ends the session", async () => {
    const { context, page } = await newPage();
    const device = await startDeviceFlow();
    await page.goto(`${origin}/login/device`);
    await signInAs(page, "octocat");
    await page.getByLabel("Enter the code displayed on your device").fill("WXYZ-2345");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Recheck the code and try again.");
    await saveScreenshot(page, import.meta.url, "device-code-wrong");

    await emulator.admin.advanceClock(901);
    await page.getByLabel("Enter the code displayed on your device").fill(device.user_code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("Recheck the code and try again.");
    expect((await pollDevice(device.device_code)).error).toBe("expired_token");

    await page.getByRole("button", { name: "Sign out" }).click();
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.goto(`${origin}/login/device`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});

describe("the web flow's authorize page", () => {
  it("a third-party app (@octokit/oauth-app's Node middleware) signs a person in and gets a working token", async () => {
    const apiUrl = emulator.apiUrl;
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const appOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let userToken: string | undefined;
    const app = new OAuthApp({
      clientType: "github-app",
      clientId: emulator.app.client_id,
      clientSecret: emulator.app.client_secret,
      baseUrl: apiUrl,
      redirectUrl: `${appOrigin}/callback/api/github/oauth/callback`,
      Octokit: Octokit.defaults({ baseUrl: apiUrl }),
    });
    app.on("token.created", ({ token }) => {
      userToken = token;
    });
    // The app is mounted under /callback so its callback URL extends the registered http://127.0.0.1/callback.
    const middleware = createNodeMiddleware(app, { pathPrefix: "/callback/api/github/oauth" });
    server.on("request", (req, res) => {
      if (req.url === "/") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(
          '<!doctype html><title>Third-party app</title><h1>Example app</h1><a href="/callback/api/github/oauth/login">Sign in with GitHub</a>',
        );
        return;
      }
      void middleware(req, res, () => res.writeHead(404).end());
    });
    try {
      const { context, page } = await newPage();
      await page.goto(appOrigin);
      await page.getByRole("link", { name: "Sign in with GitHub" }).click();
      expect(page.url().startsWith(`${origin}/login?`)).toBe(true);
      await signInAs(page, "octocat");
      expect(new URL(page.url()).pathname).toBe("/login/oauth/authorize");
      await expect(page.locator("main").textContent()).resolves.toContain(
        `Authorizing will redirect to ${appOrigin}`,
      );
      await saveScreenshot(page, import.meta.url, "web-authorize");
      await page.getByRole("button", { name: `Authorize ${emulator.app.name}` }).click();
      await page.waitForURL(`${appOrigin}/**`);
      await expect(page.locator("h1").textContent()).resolves.toBe("Token created successfully");
      expect(userToken).toMatch(/^ghu_/);
      // The token checks out on the emulator's token API, as octocat's.
      const check = await app.checkToken({ token: userToken as string });
      expect(check.data.user?.login).toBe("octocat");
      await context.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("cancel redirects with error=access_denied, its description and the state", async () => {
    const callback = await startCallback();
    try {
      const { context, page } = await newPage();
      await page.goto(authorizeUrl({ redirect_uri: callback.url, state: "s-123", login: "hubot" }));
      // `login` suggests the account on the picker; sign-up is offered unless allow_signup=false.
      await expect(page.getByLabel("@hubot").isChecked()).resolves.toBe(true);
      expect(await page.getByText("New here?").count()).toBe(1);
      await signInAs(page, "hubot");
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.waitForURL(`${callback.url}?**`);
      const query = callback.queries.at(-1);
      expect(query?.get("error")).toBe("access_denied");
      expect(query?.get("error_description")).toBe("The user has denied your application access.");
      expect(query?.get("state")).toBe("s-123");
      expect(query?.has("code")).toBe(false);
      await context.close();
    } finally {
      callback.server.close();
    }
  });

  it("a redirect_uri outside the app's callback URLs gets GitHub's error page, never a redirect", async () => {
    const { context, page } = await newPage();
    await page.goto(authorizeUrl({ state: "x", allow_signup: "false", prompt: "select_account" }));
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByText("New here?").count()).toBe(0);
    const response = await page.goto(
      authorizeUrl({ redirect_uri: "https://evil.example/callback", state: "x" }),
    );
    expect(response?.status()).toBe(400);
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page.locator("h1").textContent()).resolves.toBe("Be careful!");
    await expect(page.locator("main").textContent()).resolves.toContain(
      "The redirect_uri is not associated with this application.",
    );
    await saveScreenshot(page, import.meta.url, "web-redirect-uri-error");
    // Another port of a non-loopback host, or a path beside the registered one, are refused alike.
    for (const redirectUri of ["http://127.0.0.1:9/elsewhere", "http://localhost:9/callback"]) {
      const other = await page.goto(authorizeUrl({ redirect_uri: redirectUri }));
      expect(other?.status()).toBe(400);
    }
    await context.close();
  });

  it("PKCE: a code issued with a challenge needs its verifier; a wrong one uses the code up; a code works once", async () => {
    const callback = await startCallback();
    try {
      const { context, page } = await newPage();
      const authorizeOnce = async (challenge: string) => {
        await page.goto(
          authorizeUrl({
            redirect_uri: callback.url,
            state: "pkce",
            code_challenge: challenge,
            code_challenge_method: "S256",
          }),
        );
        if (new URL(page.url()).pathname === "/login") await signInAs(page, "octocat");
        await page.getByRole("button", { name: `Authorize ${emulator.app.name}` }).click();
        await page.waitForURL(`${callback.url}?**`);
        const query = callback.queries.at(-1);
        expect(query?.get("state")).toBe("pkce");
        return query?.get("code") as string;
      };
      const pair = pkcePair();

      const missing = await authorizeOnce(pair.challenge);
      expect((await exchange(missing)).error).toBe("bad_verification_code");

      const wrong = await authorizeOnce(pair.challenge);
      expect((await exchange(wrong, { code_verifier: pkcePair().verifier })).error).toBe(
        "bad_verification_code",
      );
      expect((await exchange(wrong, { code_verifier: pair.verifier })).error).toBe("bad_verification_code");

      const right = await authorizeOnce(pair.challenge);
      const grant = await exchange(right, { code_verifier: pair.verifier, redirect_uri: callback.url });
      expect(grant.access_token).toMatch(/^ghu_/);
      // Replayed: the same code and verifier again.
      expect((await exchange(right, { code_verifier: pair.verifier })).error).toBe("bad_verification_code");
      await context.close();
    } finally {
      callback.server.close();
    }
  });

  it("a forged form from another page (no CSRF token, or a wrong one) is refused, with no redirect", async () => {
    const callback = await startCallback();
    const forger = createServer((req, res) => {
      const token = req.url?.includes("wrong")
        ? '<input type="hidden" name="authenticity_token" value="forged">'
        : "";
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>Win a prize</title><form method="post" action="${origin}/login/oauth/authorize">
${token}<input type="hidden" name="client_id" value="${emulator.app.client_id}">
<input type="hidden" name="redirect_uri" value="${callback.url}"><input type="hidden" name="decision" value="authorize">
<button>Claim</button></form>`);
    });
    await new Promise<void>((resolve) => forger.listen(0, "127.0.0.1", resolve));
    const forgerOrigin = `http://127.0.0.1:${(forger.address() as AddressInfo).port}`;
    try {
      const { context, page } = await newPage();
      // Signed in, with the emulator's cookies in the jar (loopback ports are one site: SameSite lets them through).
      await page.goto(`${origin}/login/device`);
      await signInAs(page, "octocat");
      for (const path of ["/", "/wrong"]) {
        await page.goto(`${forgerOrigin}${path}`);
        const [response] = await Promise.all([
          page.waitForResponse(`${origin}/**`),
          page.getByRole("button", { name: "Claim" }).click(),
        ]);
        expect(response.status()).toBe(403);
        await expect(page.locator("h1").textContent()).resolves.toBe("Your browser did something unexpected");
      }
      expect(callback.queries).toHaveLength(0);
      await context.close();
    } finally {
      callback.server.close();
      forger.close();
    }
  });

  it("the access log never holds a code, a state, a challenge or a user code", () => {
    const log = accessLog.join("\n");
    expect(log).toContain("GET /login/oauth/authorize?client_id=");
    expect(log).not.toMatch(/state=(?!REDACTED)/);
    expect(log).not.toMatch(/code_challenge=(?!REDACTED)/);
    expect(log).not.toMatch(/[?&]code=(?!REDACTED)/);
  });
});
