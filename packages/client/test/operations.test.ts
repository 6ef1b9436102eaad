import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { request as undiciRequest } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  type Authorization,
  NotFoundError,
  OAuthAppClient,
  ValidationError,
} from "../src/index.js";
import { Redactor } from "../src/redaction/redactor.js";
import { mapResponseError } from "../src/request/map-response-error.js";
import { CLIENT_WORLD } from "./support/fixtures.js";
import { sha256Hex, UNKNOWN_TOKEN } from "./support/sha256.js";

let emulator: SeededEmulator;
let client: OAuthAppClient;

beforeAll(async () => {
  emulator = await startSeededEmulator({ world: CLIENT_WORLD });
  client = new OAuthAppClient(emulator.connection);
});
afterAll(async () => {
  await client?.close();
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
});

async function isLive(token: string): Promise<boolean> {
  try {
    await client.checkToken(token);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

function expectAuthorizationOf(authorization: Authorization, token: string) {
  expect(authorization.token).toBe(token);
  expect(authorization.token_last_eight).toBe(token.slice(-8));
  expect(authorization.hashed_token).toBe(sha256Hex(token));
  expect(authorization.app.client_id).toBe(emulator.app.client_id);
  expect(authorization.user?.login).toBe("octocat");
  expect(authorization.expires_at).toEqual(expect.any(String));
}

type TokenMethod =
  | "checkToken"
  | "resetToken"
  | "deleteToken"
  | "deleteAuthorization"
  | "checkAuthorization"
  | "resetAuthorization"
  | "revokeAuthorization"
  | "revokeGrant";

const TOKEN_METHODS: Array<[TokenMethod, string, string]> = [
  ["checkToken", "POST", "/applications/{client_id}/token"],
  ["resetToken", "PATCH", "/applications/{client_id}/token"],
  ["deleteToken", "DELETE", "/applications/{client_id}/token"],
  ["deleteAuthorization", "DELETE", "/applications/{client_id}/grant"],
  ["checkAuthorization", "GET", "/applications/{client_id}/tokens/{access_token}"],
  ["resetAuthorization", "POST", "/applications/{client_id}/tokens/{access_token}"],
  ["revokeAuthorization", "DELETE", "/applications/{client_id}/tokens/{access_token}"],
  ["revokeGrant", "DELETE", "/applications/{client_id}/grants/{access_token}"],
];

function callMethod(target: OAuthAppClient, method: TokenMethod, token: string): Promise<unknown> {
  return (target[method] as (token: string) => Promise<unknown>).call(target, token);
}

describe("checkToken", () => {
  it("returns the token's authorization", async () => {
    const token = (await emulator.issueUserToken()).token;
    const authorization = await client.checkToken(token);
    expectAuthorizationOf(authorization, token);
    expect(authorization.installation ?? null).toBeNull();
  });

  it("keeps unknown response fields", async () => {
    const token = (await emulator.issueUserToken()).token;
    const authorization = await client.checkToken(token);
    expect(authorization.user).toHaveProperty("repos_url");
  });
});

describe("resetToken", () => {
  it("returns a new token and invalidates the old one", async () => {
    const token = (await emulator.issueUserToken()).token;
    const reset = await client.resetToken(token);
    expect(reset.token).not.toBe(token);
    expectAuthorizationOf(reset, reset.token);
    expect(await isLive(token)).toBe(false);
    expect(await isLive(reset.token)).toBe(true);
  });
});

describe("deleteToken", () => {
  it("revokes only that token", async () => {
    const token = (await emulator.issueUserToken()).token;
    const other = (await emulator.issueUserToken()).token;
    await expect(client.deleteToken(token)).resolves.toBeUndefined();
    expect(await isLive(token)).toBe(false);
    expect(await isLive(other)).toBe(true);
  });
});

describe("deleteAuthorization", () => {
  it("removes all of that user's tokens for the app, scoped ones included", async () => {
    const first = (await emulator.issueUserToken()).token;
    const second = (await emulator.issueUserToken()).token;
    const scoped = await client.scopeToken({ accessToken: second, target: "octo-org" });
    await expect(client.deleteAuthorization(first)).resolves.toBeUndefined();
    for (const token of [first, second, scoped.token]) expect(await isLive(token)).toBe(false);
    const live = await emulator.admin.liveTokens(emulator.app.client_id);
    expect(live.filter((entry) => entry.user.login === "octocat")).toEqual([]);
  });
});

describe("scopeToken", () => {
  it("mints a new scoped token and leaves the original valid", async () => {
    const token = (await emulator.issueUserToken()).token;
    const scoped = await client.scopeToken({
      accessToken: token,
      target: "octo-org",
      repositories: ["api"],
      permissions: { issues: "read", metadata: "read" },
    });
    expect(scoped.token).not.toBe(token);
    expectAuthorizationOf(scoped, scoped.token);
    expect(scoped.installation.account.login).toBe("octo-org");
    expect(scoped.installation.repository_selection).toBe("selected");
    expect(scoped.installation.permissions).toEqual({ issues: "read", metadata: "read" });
    expect(await isLive(token)).toBe(true);
    const checked = await client.checkToken(scoped.token);
    expect(checked.installation?.permissions).toEqual({ issues: "read", metadata: "read" });
  });

  it("accepts targetId and repositoryIds", async () => {
    const token = (await emulator.issueUserToken()).token;
    const web = emulator.org.repositories.find((repository) => repository.name === "web");
    const scoped = await client.scopeToken({
      accessToken: token,
      targetId: emulator.org.id,
      repositoryIds: [web?.id ?? -1],
      permissions: { contents: "read" },
    });
    expect(scoped.installation.account.id).toBe(emulator.org.id);
    expect(scoped.installation.permissions).toEqual({ contents: "read" });
  });

  it.each([
    ["permissions beyond the installation", { permissions: { administration: "write" as const } }],
    ["a level above the installation's", { permissions: { pull_requests: "write" as const } }],
    ["a repository outside the installation", { repositories: ["docs"] }],
  ])("rejects %s with a ValidationError", async (_label, extra) => {
    const token = (await emulator.issueUserToken()).token;
    const error = await client
      .scopeToken({ accessToken: token, target: "octo-org", ...extra })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(422);
    expect((error as ValidationError).errors.length).toBeGreaterThan(0);
    expect((error as ValidationError).message).toContain(
      "POST /applications/{client_id}/token/scoped failed: 422",
    );
  });

  it("rejects scoping an already scoped token with a ValidationError", async () => {
    const token = (await emulator.issueUserToken()).token;
    const scoped = await client.scopeToken({ accessToken: token, target: "octo-org" });
    await expect(client.scopeToken({ accessToken: scoped.token, target: "octo-org" })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("rejects an unknown token with NotFoundError", async () => {
    await expect(
      client.scopeToken({ accessToken: UNKNOWN_TOKEN, target: "octo-org" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("rejects an unknown target with a ValidationError naming the target field", async () => {
    const token = (await emulator.issueUserToken()).token;
    const error = await client.scopeToken({ accessToken: token, target: "no-such-org" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(422);
    expect((error as ValidationError).errors).toEqual([
      expect.objectContaining({ field: "target", code: "invalid" }),
    ]);
  });
});

describe("deprecated path-style endpoints", () => {
  it("checkAuthorization returns the token's authorization", async () => {
    const token = (await emulator.issueUserToken()).token;
    expectAuthorizationOf(await client.checkAuthorization(token), token);
  });

  it("resetAuthorization returns a new token and invalidates the old one", async () => {
    const token = (await emulator.issueUserToken()).token;
    const reset = await client.resetAuthorization(token);
    expect(reset.token).not.toBe(token);
    expect(await isLive(token)).toBe(false);
    expect(await isLive(reset.token)).toBe(true);
  });

  it("revokeAuthorization revokes only that token", async () => {
    const token = (await emulator.issueUserToken()).token;
    const other = (await emulator.issueUserToken()).token;
    await expect(client.revokeAuthorization(token)).resolves.toBeUndefined();
    expect(await isLive(token)).toBe(false);
    expect(await isLive(other)).toBe(true);
  });

  it("revokeGrant removes all of that user's tokens for the app", async () => {
    const first = (await emulator.issueUserToken()).token;
    const second = (await emulator.issueUserToken()).token;
    await expect(client.revokeGrant(first)).resolves.toBeUndefined();
    expect(await isLive(first)).toBe(false);
    expect(await isLive(second)).toBe(false);
  });
});

describe("404 paths", () => {
  it.each(TOKEN_METHODS)("%s rejects an unknown token with NotFoundError", async (method, verb, route) => {
    const error = await callMethod(client, method, UNKNOWN_TOKEN).catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, method: verb, route, apiMessage: "Not Found" });
    expect((error as NotFoundError).requestId).toEqual(expect.any(String));
    expect((error as NotFoundError).message).toBe(
      `${verb} ${route} failed: 404 Not Found (request id ${(error as NotFoundError).requestId})`,
    );
  });

  it.each(TOKEN_METHODS)("%s rejects a wrong client secret with NotFoundError", async (method) => {
    const token = (await emulator.issueUserToken()).token;
    const wrong = new OAuthAppClient({
      baseUrl: emulator.apiUrl,
      clientId: emulator.app.client_id,
      clientSecret: "wrong",
    });
    try {
      await expect(callMethod(wrong, method, token)).rejects.toBeInstanceOf(NotFoundError);
      expect(await isLive(token)).toBe(true);
    } finally {
      await wrong.close();
    }
  });

  it("an expired token is a NotFoundError", async () => {
    const separate = await startSeededEmulator({ world: CLIENT_WORLD });
    const separateClient = new OAuthAppClient(separate.connection);
    try {
      const token = (await separate.issueUserToken()).token;
      await separateClient.checkToken(token);
      await separate.admin.advanceClock(8 * 3600 + 1);
      await expect(separateClient.checkToken(token)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await separateClient.close();
      await separate.close();
    }
  });
});

describe("422 paths (abuse throttling: 'the endpoint has been spammed')", () => {
  it.each(TOKEN_METHODS)(
    "%s maps the 422 to ValidationError and does not retry it",
    async (method, verb, route) => {
      const token = (await emulator.issueUserToken()).token;
      await emulator.admin.setFaults({ status: 422, path: "/applications/" });
      await emulator.admin.clearRequests();
      const error = await callMethod(client, method, token).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ status: 422, method: verb, route, apiMessage: "Validation Failed" });
      expect((error as ValidationError).errors[0]).toMatchObject({ code: "custom" });
      expect(await emulator.admin.requests()).toHaveLength(1);
    },
  );

  it("scopeToken maps the 422 to ValidationError and does not retry it", async () => {
    const token = (await emulator.issueUserToken()).token;
    await emulator.admin.setFaults({ status: 422, path: "/token/scoped" });
    await emulator.admin.clearRequests();
    await expect(client.scopeToken({ accessToken: token, target: "octo-org" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await emulator.admin.requests()).toHaveLength(1);
  });
});

describe("401 paths", () => {
  // The client refuses empty credentials at construction, so the server's 401 (missing credentials)
  // is produced with a raw request; the client's own error mapper must turn it into AuthenticationError.
  it.each([
    ...TOKEN_METHODS.map(([, method, route]) => [method, route] as const),
    ["POST", "/applications/{client_id}/token/scoped"] as const,
  ])("%s %s without credentials maps to AuthenticationError", async (method, route) => {
    const token = (await emulator.issueUserToken()).token;
    const path = route
      .replace("{client_id}", emulator.app.client_id)
      .replace("{access_token}", token)
      .replace(/^/, new URL(emulator.apiUrl).pathname);
    const tokenInPath = route.includes("{access_token}");
    const response = await undiciRequest(new URL(path, emulator.apiUrl), {
      method: method as "POST",
      headers: { accept: "application/vnd.github+json", "content-type": "application/json" },
      body: tokenInPath ? undefined : JSON.stringify({ access_token: token, target: "octo-org" }),
    });
    const body = await response.body.text();
    expect(response.statusCode).toBe(401);
    const error = mapResponseError(
      { method, route },
      { status: response.statusCode, headers: response.headers, body },
      new Redactor([token]),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, apiMessage: "Requires authentication" });
    expect(error.documentationUrl).toEqual(expect.stringContaining("docs.github.com"));
    expect(error.message).toMatch(
      new RegExp(`^${method} .* failed: 401 Unauthorized: Requires authentication`),
    );
    expect(error.message).not.toContain(token);
  });

  it("an injected 401 reaches the caller as AuthenticationError through the client", async () => {
    await emulator.admin.setFaults({ status: 401, path: "/applications/" });
    await expect(client.checkToken((await emulator.issueUserToken()).token)).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});
