import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, standardWorld, TestEmulator } from "./support/world.js";

let emulator: TestEmulator;
let app: App;
let otherApp: App;
let token: string;

beforeEach(async () => {
  emulator = await TestEmulator.start();
  ({ app, otherApp, token } = await standardWorld(emulator));
});

afterEach(() => emulator.close());

const check = (t: string, as: App = app) =>
  emulator.api("POST", `/applications/${as.client_id}/token`, as, { json: { access_token: t } });

describe("check a token: POST /applications/{client_id}/token", () => {
  it("returns the authorization with the token, its sha256 and user", async () => {
    const result = await check(token);
    expect(result.status).toBe(200);
    expect(result.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(result.headers["x-github-request-id"]).toMatch(
      /^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}$/,
    );
    expect(result.headers["x-github-media-type"]).toBe("github.v3; format=json");
    const body = result.body;
    expect(token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(body.token).toBe(token);
    expect(body.token_last_eight).toBe(token.slice(-8));
    expect(body.hashed_token).toBe(createHash("sha256").update(token).digest("hex"));
    expect(body.app).toEqual({ url: expect.any(String), name: "deployer", client_id: app.client_id });
    expect(body.user).toMatchObject({
      login: "octocat",
      type: "User",
      site_admin: false,
      node_id: "MDQ6VXNlcjE=",
    });
    expect(body.scopes).toEqual([]);
    expect(body.installation).toBeUndefined();
    const lifetime = Date.parse(body.expires_at) - Date.parse(body.created_at);
    expect(lifetime).toBe(8 * 60 * 60 * 1000);
  });

  it("is also served at the root path, github.com style", async () => {
    const root = await fetch(`${emulator.url}/applications/${app.client_id}/token`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${app.client_id}:${app.client_secret}`)}` },
      body: JSON.stringify({ access_token: token }),
    });
    expect(root.status).toBe(200);
    expect(((await root.json()) as { token: string }).token).toBe(token);
  });

  it("401s without credentials", async () => {
    const result = await emulator.api("POST", `/applications/${app.client_id}/token`, undefined, {
      json: { access_token: token },
    });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      message: "Requires authentication",
      documentation_url: expect.any(String),
    });
  });

  it("404s for a wrong secret, an unknown app, or another app's client_id in the path", async () => {
    const wrongSecret = await emulator.api("POST", `/applications/${app.client_id}/token`, undefined, {
      auth: [app.client_id, "0".repeat(40)],
      json: { access_token: token },
    });
    expect(wrongSecret.status).toBe(404);
    expect(wrongSecret.body).toEqual({ message: "Not Found", documentation_url: expect.any(String) });
    const unknownApp = await emulator.api("POST", "/applications/Iv1.0000000000000000/token", undefined, {
      auth: ["Iv1.0000000000000000", app.client_secret],
      json: { access_token: token },
    });
    expect(unknownApp.status).toBe(404);
    const mismatch = await emulator.api("POST", `/applications/${otherApp.client_id}/token`, app, {
      json: { access_token: token },
    });
    expect(mismatch.status).toBe(404);
  });

  it("404s for an unknown token and for another app's token", async () => {
    expect((await check(`ghu_${"a".repeat(36)}`)).status).toBe(404);
    expect((await check(token, otherApp)).status).toBe(404);
  });

  it("422s for a missing or non-string access_token", async () => {
    const missing = await emulator.api("POST", `/applications/${app.client_id}/token`, app, { json: {} });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({
      message: "Validation Failed",
      errors: [{ field: "access_token", code: "missing_field" }],
    });
    const number = await emulator.api("POST", `/applications/${app.client_id}/token`, app, {
      json: { access_token: 42 },
    });
    expect(number.status).toBe(422);
    expect(number.body.errors[0]).toMatchObject({ field: "access_token", code: "invalid" });
  });

  it("404s once the token expired (8 hours on the emulator clock)", async () => {
    await emulator.control.advanceClock(8 * 3600 - 60);
    expect((await check(token)).status).toBe(200);
    await emulator.control.advanceClock(61);
    expect((await check(token)).status).toBe(404);
    const live = await emulator.control.liveTokens(app.client_id);
    // Its refresh token lives on (6 months): it is how an app gets a fresh access token.
    expect(live.map((t: { kind: string }) => t.kind)).toEqual(["refresh"]);
  });
});

describe("reset a token: PATCH /applications/{client_id}/token", () => {
  it("returns a new token and the old one stops working", async () => {
    const result = await emulator.api("PATCH", `/applications/${app.client_id}/token`, app, {
      json: { access_token: token },
    });
    expect(result.status).toBe(200);
    const fresh = result.body.token;
    expect(fresh).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(fresh).not.toBe(token);
    expect(result.body.hashed_token).toBe(createHash("sha256").update(fresh).digest("hex"));
    expect((await check(token)).status).toBe(404);
    const checked = await check(fresh);
    expect(checked.status).toBe(200);
    expect(checked.body.id).toBe(result.body.id);
  });

  it("404s for an unknown token and 401s without credentials", async () => {
    const path = `/applications/${app.client_id}/token`;
    expect((await emulator.api("PATCH", path, app, { json: { access_token: "nope" } })).status).toBe(404);
    expect((await emulator.api("PATCH", path, undefined, { json: { access_token: token } })).status).toBe(
      401,
    );
  });
});

describe("delete a token: DELETE /applications/{client_id}/token", () => {
  it("204s and the token is gone; deleting again 404s", async () => {
    const path = `/applications/${app.client_id}/token`;
    const second = await emulator.issueToken(app, "octocat");
    const result = await emulator.api("DELETE", path, app, { json: { access_token: token } });
    expect(result.status).toBe(204);
    expect(result.text).toBe("");
    expect((await check(token)).status).toBe(404);
    expect((await check(second)).status).toBe(200);
    expect((await emulator.api("DELETE", path, app, { json: { access_token: token } })).status).toBe(404);
  });

  it("422s without an access_token", async () => {
    const result = await emulator.api("DELETE", `/applications/${app.client_id}/token`, app, { json: {} });
    expect(result.status).toBe(422);
  });
});

describe("delete an app authorization: DELETE /applications/{client_id}/grant", () => {
  it("removes every token of that user for that app, scoped ones included, and nobody else's", async () => {
    const second = await emulator.issueToken(app, "octocat");
    const hubot = await emulator.issueToken(app, "hubot");
    const otherAppToken = await emulator.issueToken(otherApp, "octocat");
    const scoped = await emulator.api("POST", `/applications/${app.client_id}/token/scoped`, app, {
      json: { access_token: token, target: "acme", permissions: { contents: "read" } },
    });
    expect(scoped.status).toBe(200);

    const result = await emulator.api("DELETE", `/applications/${app.client_id}/grant`, app, {
      json: { access_token: second },
    });
    expect(result.status).toBe(204);
    for (const gone of [token, second, scoped.body.token]) expect((await check(gone)).status).toBe(404);
    expect((await check(hubot)).status).toBe(200);
    expect((await check(otherAppToken, otherApp)).status).toBe(200);
    const live = await emulator.control.liveTokens(app.client_id);
    expect(live.map((t: { kind: string; user: { login: string } }) => [t.kind, t.user.login])).toEqual([
      ["access", "hubot"],
      ["refresh", "hubot"],
    ]);
  });

  it("404s for an unknown token", async () => {
    const result = await emulator.api("DELETE", `/applications/${app.client_id}/grant`, app, {
      json: { access_token: "ghu_unknown" },
    });
    expect(result.status).toBe(404);
  });
});
