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

const tokensPath = (t: string, clientId = app.client_id) => `/applications/${clientId}/tokens/${t}`;

describe("deprecated path-style endpoints", () => {
  it("check an authorization: GET /applications/{client_id}/tokens/{access_token}", async () => {
    const result = await emulator.api("GET", tokensPath(token), app);
    expect(result.status).toBe(200);
    expect(result.body.token).toBe(token);
    expect((await emulator.api("GET", tokensPath("ghu_unknown"), app)).status).toBe(404);
    expect((await emulator.api("GET", tokensPath(token), undefined)).status).toBe(401);
    expect((await emulator.api("GET", tokensPath(token, otherApp.client_id), app)).status).toBe(404);
  });

  it("reset an authorization: POST /applications/{client_id}/tokens/{access_token}", async () => {
    const result = await emulator.api("POST", tokensPath(token), app);
    expect(result.status).toBe(200);
    expect(result.body.token).not.toBe(token);
    expect((await emulator.api("GET", tokensPath(token), app)).status).toBe(404);
    expect((await emulator.api("GET", tokensPath(result.body.token), app)).status).toBe(200);
  });

  it("revoke an authorization: DELETE /applications/{client_id}/tokens/{access_token}", async () => {
    const keep = await emulator.issueToken(app, "octocat");
    const result = await emulator.api("DELETE", tokensPath(token), app);
    expect(result.status).toBe(204);
    expect((await emulator.api("GET", tokensPath(token), app)).status).toBe(404);
    expect((await emulator.api("GET", tokensPath(keep), app)).status).toBe(200);
    expect((await emulator.api("DELETE", tokensPath(token), app)).status).toBe(404);
  });

  it("revoke a grant: DELETE /applications/{client_id}/grants/{access_token}", async () => {
    const second = await emulator.issueToken(app, "octocat");
    const hubot = await emulator.issueToken(app, "hubot");
    const scoped = await emulator.api("POST", `/applications/${app.client_id}/token/scoped`, app, {
      json: { access_token: token, target: "acme" },
    });
    const result = await emulator.api("DELETE", `/applications/${app.client_id}/grants/${token}`, app);
    expect(result.status).toBe(204);
    for (const gone of [token, second, scoped.body.token]) {
      expect((await emulator.api("GET", tokensPath(gone), app)).status).toBe(404);
    }
    expect((await emulator.api("GET", tokensPath(hubot), app)).status).toBe(200);
  });
});
