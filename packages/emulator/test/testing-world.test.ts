import { afterEach, describe, expect, it } from "vitest";
import { type SeededEmulator, seedWorld, startSeededEmulator } from "../src/testing.js";

describe("@ghes-oauth/emulator/testing", () => {
  let world: SeededEmulator | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it("seeds the usual world: an org, a user, an app installed on the org, an expiring user token", async () => {
    world = await startSeededEmulator();
    expect(world.org).toMatchObject({ login: "acme", type: "Organization" });
    expect(world.org.repositories.map((repository) => repository.name)).toEqual(["api", "web", "docs"]);
    expect(world.user).toMatchObject({ login: "octocat", type: "User" });
    expect(world.installation).toMatchObject({ client_id: world.app.client_id, repository_selection: "all" });
    expect(world.userToken.token).toMatch(/^ghu_/);
    expect(world.userToken.refresh_token).toMatch(/^ghr_/);
    expect(world.connection).toEqual({
      baseUrl: world.apiUrl,
      clientId: world.app.client_id,
      clientSecret: world.app.client_secret,
    });
    const live = await world.admin.liveTokens(world.app.client_id);
    expect(live.map((row) => [row.kind, row.user.login])).toEqual([
      ["access", "octocat"],
      ["refresh", "octocat"],
    ]);
  });

  it("takes names, permissions, a non-expiring app and a narrower installation", async () => {
    world = await startSeededEmulator({
      world: {
        org: { login: "octo-org", repositories: ["api", "web"] },
        user: { login: "hubot" },
        otherUsers: ["mona"],
        app: { name: "Forever", permissions: { metadata: "read" }, expiringUserTokens: false },
        installation: { repositories: ["web"] },
      },
    });
    expect(world.app).toMatchObject({ name: "Forever", permissions: { metadata: "read" } });
    expect(world.installation.repositories.map((repository) => repository.name)).toEqual(["web"]);
    expect(world.userToken.expires_at).toBeNull();
    expect(world.userToken.refresh_token).toBeUndefined();
    const other = await world.issueUserToken("mona");
    expect((await world.admin.liveTokens(world.app.client_id)).map((row) => row.user.login).sort()).toEqual([
      "hubot",
      "mona",
    ]);
    expect(other.token).not.toBe(world.userToken.token);
  });

  it("seeds an emulator started elsewhere, without a signed-in user when asked", async () => {
    world = await startSeededEmulator({ world: { org: { login: "first" } } });
    const second = await seedWorld(world.apiUrl, {
      org: { login: "second" },
      user: { login: "mona" },
      signedIn: false,
    });
    expect(second.org.login).toBe("second");
    expect(await world.admin.liveTokens(second.app.client_id)).toEqual([]);
  });
});
