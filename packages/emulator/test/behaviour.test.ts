import { afterEach, describe, expect, it } from "vitest";
import type { BehaviourInput } from "../src/index.js";
import { OAuthApp } from "./support/oauth.js";
import { type App, standardWorld, TestEmulator } from "./support/world.js";

const HOUR = 3600;
const SCOPE = { target: "acme", permissions: { contents: "read" } };

let emulator: TestEmulator;
afterEach(() => emulator?.close());

async function world(behaviour?: BehaviourInput) {
  emulator = await TestEmulator.start(behaviour ? { behaviour } : {});
  const { app } = await standardWorld(emulator);
  const oauth = new OAuthApp(emulator, app);
  const grant = await oauth.grant("octocat");
  const scoped = async (accessToken: string) => {
    const result = await emulator.api("POST", `/applications/${app.client_id}/token/scoped`, app, {
      json: { access_token: accessToken, ...SCOPE },
    });
    expect(result.status, result.text).toBe(200);
    return result.body as { token: string; expires_at: string };
  };
  return { app, oauth, grant, scoped };
}

const check = (app: App, token: string) =>
  emulator.api("POST", `/applications/${app.client_id}/token`, app, { json: { access_token: token } });

describe("behaviour switches: what GitHub does not document", () => {
  it("defaults as before: scoped tokens expire with their parent and survive its refresh", async () => {
    const { app, oauth, grant, scoped } = await world();
    expect(await emulator.control.behaviour()).toMatchObject({
      scopedTokenExpiry: "parent",
      parentRefresh: "keep-children",
      rateLimit: { primary: null, secondary: null, oauthApps: null },
    });
    await emulator.control.advanceClock(HOUR);
    const child = await scoped(grant.token);
    expect(child.expires_at).toBe(grant.expires_at);
    expect((await oauth.refresh(grant.refresh_token)).status).toBe(200);
    expect((await check(app, child.token)).status).toBe(200);
  });

  it("scopedTokenExpiry own: 8 hours from minting, past the parent's expiry", async () => {
    const { app, grant, scoped } = await world({ scopedTokenExpiry: "own" });
    await emulator.control.advanceClock(2 * HOUR);
    const child = await scoped(grant.token);
    expect(Date.parse(child.expires_at) - Date.parse(grant.expires_at)).toBe(2 * HOUR * 1000);
    await emulator.control.advanceClock(7 * HOUR);
    expect((await check(app, grant.token)).status).toBe(404);
    expect((await check(app, child.token)).status).toBe(200);
    await emulator.control.advanceClock(HOUR);
    expect((await check(app, child.token)).status).toBe(404);
  });

  it("parentRefresh revoke-children (set at run time): a refresh revokes the children of that token only", async () => {
    const { app, oauth, grant, scoped } = await world();
    const before = await emulator.control.setBehaviour({ parentRefresh: "revoke-children" });
    expect(before).toMatchObject({ parentRefresh: "revoke-children", scopedTokenExpiry: "parent" });
    const children = [await scoped(grant.token), await scoped(grant.token)];
    const other = await oauth.grant("octocat");
    const otherChild = await scoped(other.token);
    const refreshed = await oauth.refresh(grant.refresh_token);
    expect(refreshed.status).toBe(200);
    for (const child of children) expect((await check(app, child.token)).status).toBe(404);
    expect((await check(app, otherChild.token)).status).toBe(200);
    const fresh = await scoped(String(refreshed.fields.access_token));
    expect((await check(app, fresh.token)).status).toBe(200);
  });

  it("refuses an unknown setting with a 422 naming the field", async () => {
    await world();
    const body = await emulator.admin("PUT", "/behaviour", { parentRefresh: "sometimes" }, 422);
    expect(body.errors[0]).toMatchObject({ resource: "Behaviour", field: "parentRefresh" });
    await expect(TestEmulator.start({ behaviour: { scopedTokenExpiry: "never" as "own" } })).rejects.toThrow(
      /behaviour: .*scopedTokenExpiry/s,
    );
  });
});

describe("rate limits (off by default)", () => {
  it("sends no rate-limit header unless switched on", async () => {
    const { app, grant } = await world();
    const result = await check(app, grant.token);
    expect(result.headers["x-ratelimit-limit"]).toBeUndefined();
  });

  it("primary: headers on every API answer, then 403 with GitHub's body until the window resets", async () => {
    const { app, grant } = await world({ rateLimit: { primary: { limit: 3, windowSeconds: 60 } } });
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const result = await check(app, i === 1 ? "ghu_unknown" : grant.token);
      seen.push(result.headers["x-ratelimit-remaining"]);
      expect(result.headers["x-ratelimit-limit"]).toBe("3");
      expect(result.headers["x-ratelimit-resource"]).toBe("core");
      expect(Number(result.headers["x-ratelimit-used"])).toBe(i + 1);
    }
    expect(seen).toEqual(["2", "1", "0"]);
    const refused = await check(app, grant.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      message: `API rate limit exceeded for client ID ${app.client_id}.`,
      documentation_url: expect.stringContaining("rate-limiting"),
    });
    expect(refused.headers["x-ratelimit-remaining"]).toBe("0");
    const reset = Number(refused.headers["x-ratelimit-reset"]);
    expect(reset * 1000 - Date.now()).toBeGreaterThan(50_000);
    expect(reset * 1000 - Date.now()).toBeLessThanOrEqual(61_000);
    await emulator.control.advanceClock(61);
    const again = await check(app, grant.token);
    expect(again.status).toBe(200);
    expect(again.headers["x-ratelimit-remaining"]).toBe("2");
  });

  it("primary can answer 429, counts per app, and is switched off again", async () => {
    const { app, grant } = await world({ rateLimit: { primary: { limit: 1, status: 429 } } });
    expect((await check(app, grant.token)).status).toBe(200);
    expect((await check(app, grant.token)).status).toBe(429);
    const other = (await standardWorldOther()) as App;
    expect((await check(other, "ghu_x")).status).toBe(404);
    await emulator.control.setBehaviour({ rateLimit: null });
    const free = await check(app, grant.token);
    expect(free.status).toBe(200);
    expect(free.headers["x-ratelimit-limit"]).toBeUndefined();
  });

  it("secondary: a burst of more than N mutating requests gets 403 with retry-after and GitHub's message", async () => {
    const { app, grant } = await world({ rateLimit: { secondary: { limit: 2, windowSeconds: 5 } } });
    expect((await check(app, grant.token)).status).toBe(200);
    expect((await check(app, grant.token)).status).toBe(200);
    const refused = await check(app, grant.token);
    expect(refused.status).toBe(403);
    expect(String(refused.body.message)).toMatch(
      /^You have exceeded a secondary rate limit\. Please wait a few minutes before you try again\./,
    );
    expect(String(refused.body.message)).toContain(refused.headers["x-github-request-id"]);
    const retryAfter = Number(refused.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    // GET /meta is not a mutating request.
    expect((await emulator.api("GET", "/meta", undefined)).status).toBe(200);
    await emulator.control.advanceClock(retryAfter);
    expect((await check(app, grant.token)).status).toBe(200);
  });
});

async function standardWorldOther() {
  return emulator.control.createApp({ name: "another" });
}

describe("OAuth apps (kind oauth-app) and GitHub's limits for them", () => {
  async function oauthWorld(rateLimit?: BehaviourInput["rateLimit"]) {
    emulator = await TestEmulator.start(rateLimit ? { behaviour: { rateLimit } } : {});
    await standardWorld(emulator);
    const app = (await emulator.control.createApp({ name: "classic", kind: "oauth-app" })) as App & {
      kind: string;
      expiring_user_tokens: boolean;
    };
    const issue = (scopes: string[]) =>
      emulator.control.issueUserToken({ client_id: app.client_id, login: "octocat", scopes });
    return { app, issue };
  }

  it("issues gho_ tokens with OAuth scopes that never expire and cannot be scoped", async () => {
    const { app, issue } = await oauthWorld();
    expect(app.kind).toBe("oauth-app");
    expect(app.expiring_user_tokens).toBe(false);
    const issued = await issue(["repo", "read:org"]);
    expect(issued.token).toMatch(/^gho_[A-Za-z0-9]{36}$/);
    expect(issued.expires_at).toBeNull();
    expect(issued.refresh_token).toBeUndefined();
    const checked = await check(app, issued.token);
    expect(checked.body).toMatchObject({ scopes: ["read:org", "repo"] });
    const scoped = await emulator.api("POST", `/applications/${app.client_id}/token/scoped`, app, {
      json: { access_token: issued.token, ...SCOPE },
    });
    expect(scoped.status).toBe(422);
  });

  it("without the limit switched on, an OAuth app may hold any number of tokens", async () => {
    const { app, issue } = await oauthWorld();
    const tokens = [];
    for (let i = 0; i < 12; i++) tokens.push((await issue(["repo"])).token);
    for (const token of tokens) expect((await check(app, token)).status).toBe(200);
  });

  it("10 tokens per user/app/scope (the oldest revoked beyond), 10 created an hour; GitHub Apps unaffected", async () => {
    const { app, issue } = await oauthWorld({ oauthApps: {} });
    const repo = [];
    for (let i = 0; i < 8; i++) repo.push((await issue(["repo"])).token);
    const other = [(await issue(["gist"])).token, (await issue(["gist"])).token];
    // Ten created this hour: the eleventh is refused (GitHub asks the user to authorize again).
    const refused = await emulator.admin(
      "POST",
      "/tokens",
      { client_id: app.client_id, login: "octocat", scopes: ["repo"] },
      403,
    );
    expect(refused.message).toMatch(/at most 10 tokens per user and app an hour/);
    await emulator.control.advanceClock(HOUR + 1);
    repo.push((await issue(["repo"])).token, (await issue(["repo"])).token, (await issue(["repo"])).token);
    // 11 repo tokens issued: the oldest one is revoked, the other scope set keeps its two.
    expect((await check(app, repo[0] as string)).status).toBe(404);
    for (const token of [...repo.slice(1), ...other]) expect((await check(app, token)).status).toBe(200);

    const githubApp = await emulator.control.createApp({ name: "gh-app" });
    const ghTokens = [];
    for (let i = 0; i < 12; i++) ghTokens.push(await emulator.issueToken(githubApp, "octocat"));
    for (const token of ghTokens) expect((await check(githubApp, token)).status).toBe(200);
  });
});
