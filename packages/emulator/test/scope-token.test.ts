import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, standardWorld, TestEmulator } from "./support/world.js";

let emulator: TestEmulator;
let app: App;
let token: string;
let repositoryIds: Record<string, number>;
let acmeId: number;

beforeEach(async () => {
  emulator = await TestEmulator.start();
  const world = await standardWorld(emulator);
  ({ app, token } = world);
  acmeId = world.acme.id;
  repositoryIds = Object.fromEntries(
    world.installation.repositories.map((r: { id: number; name: string }) => [r.name, r.id]),
  );
});

afterEach(() => emulator.close());

const scope = (body: Record<string, unknown>, as: App = app) =>
  emulator.api("POST", `/applications/${as.client_id}/token/scoped`, as, { json: body });
const check = (t: string) =>
  emulator.api("POST", `/applications/${app.client_id}/token`, app, { json: { access_token: t } });

async function expect422(body: Record<string, unknown>, field: string) {
  const result = await scope(body);
  expect(result.status, result.text).toBe(422);
  expect(result.body.message).toBe("Validation Failed");
  expect(result.body.documentation_url).toEqual(expect.any(String));
  expect(result.body.errors).toContainEqual(expect.objectContaining({ field, code: expect.any(String) }));
  return result.body;
}

describe("create a scoped access token: POST /applications/{client_id}/token/scoped", () => {
  it("returns a NEW token narrowed to the target; the original stays valid", async () => {
    const result = await scope({
      access_token: token,
      target: "acme",
      repositories: ["api"],
      permissions: { contents: "read", metadata: "read" },
    });
    expect(result.status, result.text).toBe(200);
    const body = result.body;
    expect(body.token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(body.token).not.toBe(token);
    expect(body.user.login).toBe("octocat");
    expect(body.installation).toMatchObject({
      permissions: { contents: "read", metadata: "read" },
      repository_selection: "selected",
      single_file_name: null,
      has_multiple_single_files: false,
      single_file_paths: [],
      repositories_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3\//),
      account: { login: "acme", type: "Organization", node_id: expect.any(String) },
    });
    expect((await check(token)).status).toBe(200);
    const scoped = await check(body.token);
    expect(scoped.status).toBe(200);
    expect(scoped.body.installation.permissions).toEqual({ contents: "read", metadata: "read" });
    const original = await check(token);
    expect(original.body.installation).toBeUndefined();
    const live = await emulator.control.liveTokens(app.client_id);
    expect(live.map((t: { kind: string; scoped: boolean }) => [t.kind, t.scoped])).toEqual([
      ["access", false],
      ["access", true],
      ["refresh", false],
    ]);
    expect(JSON.stringify(live)).not.toContain(body.token);
  });

  it("accepts target_id and repository_ids", async () => {
    const result = await scope({
      access_token: token,
      target_id: acmeId,
      repository_ids: [repositoryIds.web],
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body.installation.account.login).toBe("acme");
    expect(result.body.installation.repository_selection).toBe("selected");
  });

  it("without permissions or repositories it keeps the installation's", async () => {
    const result = await scope({ access_token: token, target: "acme" });
    expect(result.status, result.text).toBe(200);
    expect(result.body.installation.permissions).toEqual({
      contents: "write",
      metadata: "read",
      issues: "read",
      repository_projects: "admin",
    });
    expect(result.body.installation.repository_selection).toBe("selected");
  });

  it("reports repository_selection all for an all-repositories installation", async () => {
    await emulator.account("initech", "Organization", ["tps"]);
    await emulator.install(app, "initech", "all");
    const all = await scope({ access_token: token, target: "initech" });
    expect(all.body.installation.repository_selection).toBe("all");
    const one = await scope({ access_token: token, target: "initech", repositories: ["tps"] });
    expect(one.body.installation.repository_selection).toBe("selected");
  });

  it("may narrow (write -> read, admin -> write) but never widen", async () => {
    const narrower = await scope({
      access_token: token,
      target: "acme",
      permissions: { contents: "read", repository_projects: "write" },
    });
    expect(narrower.status, narrower.text).toBe(200);
    await expect422({ access_token: token, target: "acme", permissions: { issues: "write" } }, "permissions");
    await expect422(
      { access_token: token, target: "acme", permissions: { pull_requests: "read" } },
      "permissions",
    );
    await expect422({ access_token: token, target: "acme", permissions: { actions: "read" } }, "permissions");
  });

  it("422s for repositories outside the installation", async () => {
    await expect422({ access_token: token, target: "acme", repositories: ["ops"] }, "repositories");
    await expect422({ access_token: token, target: "acme", repositories: ["nope"] }, "repositories");
    await expect422({ access_token: token, target: "acme", repository_ids: [999] }, "repository_ids");
  });

  it("422s for target and target_id both or neither", async () => {
    await expect422({ access_token: token }, "target");
    await expect422({ access_token: token, target: "acme", target_id: acmeId }, "target");
  });

  it("422s for repositories together with repository_ids", async () => {
    await expect422(
      { access_token: token, target: "acme", repositories: ["api"], repository_ids: [repositoryIds.api] },
      "repositories",
    );
  });

  it("422s for unknown permission names and levels", async () => {
    await expect422(
      { access_token: token, target: "acme", permissions: { telepathy: "read" } },
      "permissions",
    );
    await expect422(
      { access_token: token, target: "acme", permissions: { contents: "admin" } },
      "permissions",
    );
    await expect422(
      { access_token: token, target: "acme", permissions: { workflows: "read" } },
      "permissions",
    );
    await expect422(
      { access_token: token, target: "acme", permissions: { organization_plan: "write" } },
      "permissions",
    );
  });

  it("422s for malformed fields and a missing access_token", async () => {
    await expect422({ target: "acme" }, "access_token");
    await expect422({ access_token: token, target_id: "3" }, "target_id");
    await expect422({ access_token: token, target: "acme", repositories: "api" }, "repositories");
  });

  it("422s for a target that does not exist or has no installation of the app", async () => {
    await expect422({ access_token: token, target: "ghost" }, "target");
    await expect422({ access_token: token, target: "hubot" }, "target");
  });

  it("422s when asked to scope an already scoped token", async () => {
    const first = await scope({ access_token: token, target: "acme" });
    expect(first.status).toBe(200);
    await expect422({ access_token: first.body.token, target: "acme" }, "access_token");
  });

  it("404s for an unknown token, 401s without credentials", async () => {
    expect((await scope({ access_token: "ghu_nope", target: "acme" })).status).toBe(404);
    const anonymous = await emulator.api("POST", `/applications/${app.client_id}/token/scoped`, undefined, {
      json: { access_token: token, target: "acme" },
    });
    expect(anonymous.status).toBe(401);
  });

  it("a scoped token expires with the token it came from", async () => {
    const scoped = await scope({ access_token: token, target: "acme" });
    const original = await check(token);
    expect(scoped.body.expires_at).toBe(original.body.expires_at);
    await emulator.control.advanceClock(8 * 3600);
    expect((await check(scoped.body.token)).status).toBe(404);
  });
});
