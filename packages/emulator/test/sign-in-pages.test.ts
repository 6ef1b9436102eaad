import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "./support/world.js";

// The pages' HTTP behaviour without a browser (the browser tests are sign-in-pages.browser.test.ts).
let emulator: TestEmulator;
let clientId: string;

beforeAll(async () => {
  emulator = await TestEmulator.start();
  await emulator.account("octocat");
  const app = await emulator.admin(
    "POST",
    "/apps",
    { name: "Pages", callbackUrls: ["https://app.example/cb"] },
    201,
  );
  expect(app.callback_urls).toEqual(["https://app.example/cb"]);
  clientId = app.client_id;
});
afterAll(() => emulator?.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await request(`${emulator.url}${path}`, { headers });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

function setCookies(headers: Record<string, string | string[] | undefined>): string[] {
  const value = headers["set-cookie"];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

describe("the sign-in pages over plain HTTP", () => {
  it("the device page sends a signed-out browser to sign in, and hands out an HttpOnly SameSite=Lax CSRF cookie", async () => {
    const page = await get("/login/device");
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe("/login?return_to=%2Flogin%2Fdevice");
    const [cookie] = setCookies(page.headers);
    expect(cookie).toMatch(/^ghes_emulator_csrf_\d+=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("the sign-in page is HTML with one h1, labelled choices, and a CSRF field; the stylesheet is CSS", async () => {
    const page = await get("/login");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.text.match(/<h1>/g)).toHaveLength(1);
    expect(page.text).toContain('<label class="choice" for="account-0">');
    expect(page.text).toMatch(/name="authenticity_token" value="[A-Za-z0-9_-]{43}"/);
    const css = await get("/login/assets/emulator.css");
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.text).toContain(":focus-visible");
  });

  it("a form posted without its CSRF token is refused with 403 and signs nobody in", async () => {
    const response = await request(`${emulator.url}/session`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "login=octocat&return_to=%2Flogin%2Fdevice",
    });
    expect(response.statusCode).toBe(403);
    expect(setCookies(response.headers).some((cookie) => cookie.startsWith("ghes_emulator_session_"))).toBe(
      false,
    );
    await response.body.text();
  });

  it("unknown client_id: 404 page; foreign redirect_uri: 400 page; neither redirects", async () => {
    const unknown = await get("/login/oauth/authorize?client_id=Iv1.0000000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.location).toBeUndefined();
    const foreign = await get(
      `/login/oauth/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent("https://app.example.evil/cb")}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.location).toBeUndefined();
    expect(foreign.text).toContain("The redirect_uri is not associated with this application.");
  });

  it("a signed-out authorize goes to the picker and back to the same request, without prompt", async () => {
    const page = await get(
      `/login/oauth/authorize?client_id=${clientId}&state=abc&prompt=select_account&login=octocat`,
    );
    expect(page.status).toBe(303);
    const location = new URL(page.headers.location as string, emulator.url);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("login")).toBe("octocat");
    expect(location.searchParams.get("return_to")).toBe(
      `/login/oauth/authorize?client_id=${clientId}&state=abc&login=octocat`,
    );
  });

  it("apps' callback URLs must be absolute http(s) URLs", async () => {
    const refused = await emulator.admin(
      "POST",
      "/apps",
      { name: "Bad", callbackUrls: ["javascript:alert(1)"] },
      422,
    );
    expect(JSON.stringify(refused)).toContain("callbackUrls");
  });

  it("the sign-in redirect never leaves the emulator (return_to is a local path only)", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const page = await get(`/login?return_to=${encodeURIComponent(returnTo)}`);
      expect(page.text).toContain('name="return_to" value="/login/device"');
    }
  });
});
