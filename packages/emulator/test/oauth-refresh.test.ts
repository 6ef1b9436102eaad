import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OAuthApp, startOAuthWorld } from "./support/oauth.js";
import type { App, TestEmulator } from "./support/world.js";

const HOUR = 3600;
const REFRESH_LIFETIME = 15_897_600;

let emulator: TestEmulator;
let app: App;
let oauth: OAuthApp;

beforeEach(async () => {
  ({ emulator, app, oauth } = await startOAuthWorld());
});

afterEach(() => emulator.close());

describe("POST /_emulator/tokens for an app that expires its user tokens", () => {
  it("issues a ghu_ token with a ghr_ refresh token and GitHub's lifetimes", async () => {
    const issued = await oauth.grant("octocat");
    expect(issued).toMatchObject({
      token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
      refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{36}$/),
      expires_in: 28800,
      refresh_token_expires_in: REFRESH_LIFETIME,
    });
    const expiresAt = Date.parse(issued.expires_at);
    const refreshExpiresAt = Date.parse(
      (issued as unknown as { refresh_token_expires_at: string }).refresh_token_expires_at,
    );
    expect(refreshExpiresAt - expiresAt).toBe((REFRESH_LIFETIME - 28800) * 1000);
  });
});

describe("refresh: POST /login/oauth/access_token grant_type=refresh_token", () => {
  it("returns a new pair shaped like GitHub's; the used refresh token and its access token stop at once", async () => {
    const first = await oauth.grant("octocat");
    const refreshed = await oauth.refresh(first.refresh_token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.contentType).toMatch(/^application\/json/);
    expect(refreshed.fields).toEqual({
      access_token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
      expires_in: 28800,
      refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{36}$/),
      refresh_token_expires_in: REFRESH_LIFETIME,
      scope: "",
      token_type: "bearer",
    });
    expect(refreshed.fields.access_token).not.toBe(first.token);
    expect(refreshed.fields.refresh_token).not.toBe(first.refresh_token);
    expect(await oauth.check(first.token)).toBe(404);
    expect(await oauth.check(refreshed.fields.access_token)).toBe(200);

    const reused = await oauth.refresh(first.refresh_token);
    expect(reused.status).toBe(200);
    expect(reused.fields).toEqual({
      error: "bad_refresh_token",
      error_description: expect.any(String),
      error_uri: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
    });
    // The rejected reuse did not harm the current pair.
    expect(await oauth.check(refreshed.fields.access_token)).toBe(200);
    const again = await oauth.refresh(refreshed.fields.refresh_token);
    expect(again.fields.access_token).toMatch(/^ghu_/);
  });

  it("gives the new access token 8 hours from the refresh, on the emulator clock", async () => {
    const first = await oauth.grant("octocat");
    await emulator.control.advanceClock(7 * HOUR);
    const refreshed = await oauth.refresh(first.refresh_token);
    await emulator.control.advanceClock(8 * HOUR - 60);
    expect(await oauth.check(refreshed.fields.access_token)).toBe(200);
    await emulator.control.advanceClock(61);
    expect(await oauth.check(refreshed.fields.access_token)).toBe(404);
  });

  it("still refreshes after the access token expired, and not after the refresh token expired (6 months)", async () => {
    const first = await oauth.grant("octocat");
    const second = await oauth.grant("octocat");
    await emulator.control.advanceClock(REFRESH_LIFETIME - 60);
    expect(await oauth.check(first.token)).toBe(404);
    expect((await oauth.refresh(first.refresh_token)).fields.access_token).toMatch(/^ghu_/);
    await emulator.control.advanceClock(61);
    expect((await oauth.refresh(second.refresh_token)).fields.error).toBe("bad_refresh_token");
  });

  it("rejects unknown, missing and other apps' refresh tokens with bad_refresh_token", async () => {
    const other = new OAuthApp(emulator, await emulator.app("third"));
    const othersGrant = await other.grant("octocat");
    for (const refreshToken of ["ghr_unknown", "", othersGrant.refresh_token]) {
      expect((await oauth.refresh(refreshToken)).fields.error).toBe("bad_refresh_token");
    }
    expect(
      (await oauth.token({ grant_type: "refresh_token", client_secret: app.client_secret })).fields.error,
    ).toBe("bad_refresh_token");
    // An access token is not a refresh token.
    expect((await oauth.refresh((await oauth.grant("octocat")).token)).fields.error).toBe(
      "bad_refresh_token",
    );
    expect(await other.check(othersGrant.token)).toBe(200);
  });

  it("requires the client secret for web-flow refresh tokens: incorrect_client_credentials, and the pair lives on", async () => {
    const first = await oauth.grant("octocat");
    const attempts: Record<string, string>[] = [{}, { client_secret: "wrong" }, { client_secret: "" }];
    for (const extra of attempts) {
      const result = await oauth.refresh(first.refresh_token, extra);
      expect(result.fields.error).toBe("incorrect_client_credentials");
    }
    const unknownApp = await oauth.token({
      client_id: "Iv1.0000000000000000",
      client_secret: app.client_secret,
      grant_type: "refresh_token",
      refresh_token: first.refresh_token,
    });
    expect(unknownApp.fields.error).toBe("incorrect_client_credentials");
    expect(await oauth.check(first.token)).toBe(200);
    expect((await oauth.refresh(first.refresh_token)).fields.access_token).toMatch(/^ghu_/);
  });

  it("answers unsupported_grant_type for a grant it does not know", async () => {
    const result = await oauth.token({ grant_type: "password", client_secret: app.client_secret });
    expect(result.fields.error).toBe("unsupported_grant_type");
  });
});

describe("scoped tokens and the grant across refreshes", () => {
  const scope = (accessToken: string) =>
    emulator.api("POST", `/applications/${app.client_id}/token/scoped`, app, {
      json: { access_token: accessToken, target: "acme", permissions: { contents: "read" } },
    });

  it("a scoped token outlives a refresh of its parent, keeps its own expiry, and dies with the grant", async () => {
    const first = await oauth.grant("octocat");
    await emulator.control.advanceClock(HOUR);
    const scoped = await scope(first.token);
    expect(scoped.status).toBe(200);
    const refreshed = await oauth.refresh(first.refresh_token);
    expect(await oauth.check(first.token)).toBe(404);
    const scopedCheck = await emulator.api("POST", `/applications/${app.client_id}/token`, app, {
      json: { access_token: scoped.body.token },
    });
    expect(scopedCheck.status).toBe(200);
    expect(scopedCheck.body.expires_at).toBe(first.expires_at);

    const deleted = await emulator.api("DELETE", `/applications/${app.client_id}/grant`, app, {
      json: { access_token: refreshed.fields.access_token },
    });
    expect(deleted.status).toBe(204);
    expect(await oauth.check(scoped.body.token)).toBe(404);
    expect(await oauth.check(refreshed.fields.access_token)).toBe(404);
    expect((await oauth.refresh(refreshed.fields.refresh_token)).fields.error).toBe("bad_refresh_token");
    const live = await emulator.control.liveTokens(app.client_id);
    // The grant is octocat's authorization of the app: every token of it is gone, refresh tokens included.
    expect(live.filter((t: { user: { login: string } }) => t.user.login === "octocat")).toEqual([]);
  });

  it("the deprecated revoke-grant endpoint deletes refresh tokens too", async () => {
    const first = await oauth.grant("hubot");
    const result = await emulator.api("DELETE", `/applications/${app.client_id}/grants/${first.token}`, app);
    expect(result.status).toBe(204);
    expect((await oauth.refresh(first.refresh_token)).fields.error).toBe("bad_refresh_token");
  });

  it("deleting an access token revokes the refresh token issued with it, and no other", async () => {
    const first = await oauth.grant("hubot");
    const second = await oauth.grant("hubot");
    const result = await emulator.api("DELETE", `/applications/${app.client_id}/token`, app, {
      json: { access_token: first.token },
    });
    expect(result.status).toBe(204);
    expect((await oauth.refresh(first.refresh_token)).fields.error).toBe("bad_refresh_token");
    expect((await oauth.refresh(second.refresh_token)).fields.access_token).toMatch(/^ghu_/);
  });

  it("a reset access token keeps its refresh token", async () => {
    const first = await oauth.grant("hubot");
    const reset = await emulator.api("PATCH", `/applications/${app.client_id}/token`, app, {
      json: { access_token: first.token },
    });
    expect(reset.status).toBe(200);
    const refreshed = await oauth.refresh(first.refresh_token);
    expect(refreshed.fields.access_token).toMatch(/^ghu_/);
    expect(await oauth.check(reset.body.token)).toBe(404);
  });

  it("the live-token list shows refresh tokens hashed, and rotation replaces both rows (no orphans)", async () => {
    const first = await oauth.grant("hubot");
    const list = () => emulator.control.liveTokens(app.client_id);
    const hubotRows = async () =>
      (await list()).filter((t: { user: { login: string } }) => t.user.login === "hubot");
    expect((await hubotRows()).map((t: { kind: string }) => t.kind)).toEqual(["access", "refresh"]);
    const refreshed = await oauth.refresh(first.refresh_token);
    const rows = await hubotRows();
    expect(rows.map((t: { kind: string; token_last_eight: string }) => [t.kind, t.token_last_eight])).toEqual(
      [
        ["access", refreshed.fields.access_token.slice(-8)],
        ["refresh", refreshed.fields.refresh_token.slice(-8)],
      ],
    );
    const text = JSON.stringify(await list());
    for (const value of [
      first.token,
      first.refresh_token,
      refreshed.fields.access_token,
      refreshed.fields.refresh_token,
    ]) {
      expect(text).not.toContain(value);
    }
  });
});

describe("an app whose user tokens never expire", () => {
  it("issues tokens with expires_at null and no refresh token, which outlive any clock move", async () => {
    const forever = await emulator.control.createApp({ name: "forever", expiringUserTokens: false });
    expect(forever.expiring_user_tokens).toBe(false);
    expect(app).toMatchObject({ expiring_user_tokens: true });
    const never = new OAuthApp(emulator, forever);
    const issued = await never.grant("octocat");
    expect(issued.expires_at).toBeNull();
    expect(issued).not.toHaveProperty("refresh_token");
    expect(issued).not.toHaveProperty("expires_in");
    expect(issued).not.toHaveProperty("refresh_token_expires_in");

    const code = await never.webFlowCode("hubot");
    const exchanged = await never.exchangeCode(code);
    expect(exchanged.fields).toEqual({
      access_token: expect.stringMatching(/^ghu_/),
      scope: "",
      token_type: "bearer",
    });

    await emulator.install(forever, "acme");
    const scoped = await emulator.api("POST", `/applications/${forever.client_id}/token/scoped`, forever, {
      json: { access_token: issued.token, target: "acme", permissions: { contents: "read" } },
    });
    expect(scoped.status).toBe(200);
    expect(scoped.body.expires_at).toBeNull();
    await emulator.control.advanceClock(400 * 24 * HOUR);
    const checked = await emulator.api("POST", `/applications/${forever.client_id}/token`, forever, {
      json: { access_token: issued.token },
    });
    expect(checked.status).toBe(200);
    expect(checked.body.expires_at).toBeNull();
    const reset = await emulator.api("PATCH", `/applications/${forever.client_id}/token`, forever, {
      json: { access_token: exchanged.fields.access_token },
    });
    expect(reset.body.expires_at).toBeNull();
    const live = await emulator.control.liveTokens(forever.client_id);
    expect(live.map((t: { kind: string; expires_at: string | null }) => [t.kind, t.expires_at])).toEqual([
      ["access", null],
      ["access", null],
      ["access", null],
    ]);
    expect((await never.refresh("ghr_anything")).fields.error).toBe("bad_refresh_token");
  });
});
