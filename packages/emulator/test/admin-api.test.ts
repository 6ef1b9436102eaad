import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { standardWorld, TestEmulator } from "./support/world.js";

let emulator: TestEmulator;

beforeEach(async () => {
  emulator = await TestEmulator.start();
});

afterEach(() => emulator.close());

describe("admin API", () => {
  it("creates accounts with repositories", async () => {
    const account = await emulator.account("acme", "Organization", ["api", "web"]);
    expect(account).toEqual({
      id: 1,
      login: "acme",
      type: "Organization",
      repositories: [
        { id: 1, name: "api" },
        { id: 2, name: "web" },
      ],
    });
    const user = await emulator.admin("POST", "/accounts", { login: "octocat" }, 201);
    expect(user).toMatchObject({ login: "octocat", type: "User", repositories: [] });
    const duplicate = await emulator.admin("POST", "/accounts", { login: "ACME" }, 422);
    expect(duplicate.errors[0]).toMatchObject({ field: "login", code: "already_exists" });
    await emulator.admin("POST", "/accounts", { login: "bad login!" }, 422);
    await emulator.admin("POST", "/accounts", { login: "x", type: "Bot" }, 422);
  });

  it("creates apps with Iv1. client ids and 40-hex secrets", async () => {
    const app = await emulator.app("deployer", { contents: "read" });
    expect(app.client_id).toMatch(/^Iv1\.[0-9a-f]{16}$/);
    expect(app.client_secret).toMatch(/^[0-9a-f]{40}$/);
    expect(app.permissions).toEqual({ contents: "read" });
    const everything = await emulator.app("everything");
    expect(Object.keys(everything.permissions)).toHaveLength(57);
    await emulator.admin("POST", "/apps", { name: "bad", permissions: { contents: "admin" } }, 422);
    await emulator.admin("POST", "/apps", { name: "bad", permissions: { telepathy: "read" } }, 422);
  });

  it("rotates an app's client secret: the old one stops authenticating, tokens stay valid", async () => {
    const { app, token } = await standardWorld(emulator);
    const check = (secret: string) =>
      emulator.api("POST", `/applications/${app.client_id}/token`, undefined, {
        auth: [app.client_id, secret],
        json: { access_token: token },
      });
    // Authenticate with the old secret first, so a cached verification cannot outlive the rotation.
    expect((await check(app.client_secret)).status).toBe(200);
    const rotated = await emulator.admin("POST", `/apps/${app.client_id}/client-secret`, undefined, 201);
    expect(rotated.client_secret).toMatch(/^[0-9a-f]{40}$/);
    expect(rotated.client_secret).not.toBe(app.client_secret);
    expect((await check(app.client_secret)).status).toBe(404);
    expect((await check(rotated.client_secret)).status).toBe(200);
    await emulator.admin("POST", "/apps/Iv1.0000000000000000/client-secret", undefined, 404);
  });

  it("creates installations within the app's permissions and the account's repositories", async () => {
    await emulator.account("acme", "Organization", ["api", "web"]);
    const app = await emulator.app("deployer", { contents: "write" });
    const installation = await emulator.install(app, "acme", ["web"]);
    expect(installation).toMatchObject({
      client_id: app.client_id,
      account: { login: "acme", type: "Organization" },
      repository_selection: "selected",
      repositories: [{ name: "web" }],
      permissions: { contents: "write" },
    });
    const body = { client_id: app.client_id, account: "acme" };
    await emulator.admin("POST", "/installations", body, 422); // already installed
    await emulator.account("initech", "Organization", ["tps"]);
    const initech = { client_id: app.client_id, account: "initech" };
    await emulator.admin("POST", "/installations", { ...initech, permissions: { issues: "read" } }, 422);
    await emulator.admin("POST", "/installations", { ...initech, repositories: ["nope"] }, 422);
    await emulator.admin("POST", "/installations", { ...initech, account: "ghost" }, 422);
    await emulator.admin("POST", "/installations", { ...initech, client_id: "Iv1.nope" }, 422);
    const all = await emulator.install(app, "initech");
    expect(all).toMatchObject({ repository_selection: "all", repositories: [{ name: "tps" }] });
  });

  it("issues tokens for users only and lists live tokens without their values", async () => {
    await emulator.account("octocat");
    await emulator.account("acme", "Organization");
    const app = await emulator.app("deployer");
    const issued = await emulator.admin(
      "POST",
      "/tokens",
      { client_id: app.client_id, login: "octocat" },
      201,
    );
    expect(issued.token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(issued.user.login).toBe("octocat");
    await emulator.admin("POST", "/tokens", { client_id: app.client_id, login: "acme" }, 422);
    await emulator.admin("POST", "/tokens", { client_id: app.client_id, login: "ghost" }, 422);
    await emulator.admin("POST", "/tokens", { client_id: "Iv1.nope", login: "octocat" }, 422);
    const live = await emulator.admin("GET", `/tokens?client_id=${app.client_id}`, undefined, 200);
    expect(live).toEqual([
      {
        kind: "access",
        id: issued.id,
        hashed_token: issued.hashed_token,
        token_last_eight: issued.token.slice(-8),
        user: { login: "octocat" },
        scoped: false,
        expires_at: issued.expires_at,
      },
      {
        kind: "refresh",
        id: expect.any(Number),
        hashed_token: createHash("sha256").update(issued.refresh_token).digest("hex"),
        token_last_eight: issued.refresh_token.slice(-8),
        user: { login: "octocat" },
        scoped: false,
        expires_at: issued.refresh_token_expires_at,
      },
    ]);
    expect(JSON.stringify(live)).not.toContain(issued.token);
    expect(JSON.stringify(live)).not.toContain(issued.refresh_token);
    await emulator.admin("GET", "/tokens", undefined, 422);
    await emulator.admin("GET", "/tokens?client_id=Iv1.nope", undefined, 404);
  });

  it("moves the clock", async () => {
    const before = Date.now();
    const clock = await emulator.admin("POST", "/clock", { advanceSeconds: 3600 }, 200);
    expect(clock.offsetSeconds).toBe(3600);
    expect(Date.parse(clock.now)).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    await emulator.admin("POST", "/clock", { advanceSeconds: "soon" }, 422);
  });

  it("is also reachable under /api/v3/_emulator", async () => {
    const result = await fetch(`${emulator.apiUrl}/_emulator/faults`);
    expect(result.status).toBe(200);
  });

  it("logs token-API requests (not admin ones) and clears the log", async () => {
    await emulator.account("octocat");
    const app = await emulator.app("deployer");
    const token = await emulator.issueToken(app, "octocat");
    expect(await emulator.admin("GET", "/requests", undefined, 200)).toEqual([]);
    await emulator.api("POST", `/applications/${app.client_id}/token`, app, {
      json: { access_token: token },
    });
    await emulator.api("GET", `/applications/${app.client_id}/tokens/${token}?x=1`, app);
    await emulator.api("DELETE", `/applications/${app.client_id}/token`, undefined, { json: {} });
    const log = await emulator.admin("GET", "/requests", undefined, 200);
    expect(log).toEqual([
      {
        method: "POST",
        path: `/api/v3/applications/${app.client_id}/token`,
        query: "",
        status: 200,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        durationMs: expect.any(Number),
        requestId: expect.any(String),
      },
      expect.objectContaining({
        method: "GET",
        path: `/api/v3/applications/${app.client_id}/tokens/REDACTED`,
        query: "x=REDACTED",
      }),
      expect.objectContaining({ method: "DELETE", status: 401 }),
    ]);
    await emulator.admin("DELETE", "/requests", undefined, 204);
    expect(await emulator.admin("GET", "/requests", undefined, 200)).toEqual([]);
  });

  it("close() returns promptly even with keep-alive connections open", async () => {
    const other = await TestEmulator.start();
    await fetch(`${other.url}/_emulator/faults`);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
