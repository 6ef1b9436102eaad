import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { API_VERSIONS } from "@ghes-oauth/github-contract";
import { OpenApiContract } from "@ghes-oauth/github-contract-generator";
import { Pool } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GitHubApiError, OAuthAppClient } from "../src/index.js";
import { CLIENT_WORLD } from "./support/fixtures.js";
import { type RecordedExchange, recordingInterceptor } from "./support/recording-interceptor.js";
import { UNKNOWN_TOKEN } from "./support/sha256.js";

describe.each(API_VERSIONS)("conformance to GitHub's %s OpenAPI description", (version) => {
  const contract = new OpenApiContract(version);

  let emulator: SeededEmulator;
  let pool: Pool;
  let client: OAuthAppClient;
  const log: RecordedExchange[] = [];

  beforeAll(async () => {
    emulator = await startSeededEmulator({ apiVersion: version, world: CLIENT_WORLD });
    pool = new Pool(new URL(emulator.apiUrl).origin);
    client = new OAuthAppClient({
      ...emulator.connection,
      dispatcher: pool.compose(recordingInterceptor(log)),
      retry: false,
    });
  });
  afterAll(async () => {
    await client?.close();
    await pool?.close();
    await emulator?.close();
  });
  beforeEach(async () => {
    log.length = 0;
    await emulator.admin.clearFaults();
  });

  /** Runs `call`, then validates the one exchange it made against the operation's description. */
  async function conforms(operationId: string, call: () => Promise<unknown>, expectedStatus: number) {
    await call().catch((error: unknown) => {
      if (!(error instanceof GitHubApiError)) throw error;
    });
    expect(log).toHaveLength(1);
    const exchange = log[0] as RecordedExchange;
    const operation = contract.operation(operationId);
    const apiPath = new URL(emulator.apiUrl).pathname;

    expect(exchange.method).toBe(operation.method);
    expect(exchange.path).toBe(`${apiPath}${operation.path.replace("{client_id}", emulator.app.client_id)}`);
    expect(exchange.status).toBe(expectedStatus);

    expect(operation.request, `${operationId} documents a JSON request body`).toBeDefined();
    const request = operation.request;
    if (request) {
      const valid = request(JSON.parse(exchange.requestBody ?? "null"));
      expect(request.errors ?? [], `${operationId} request body`).toEqual([]);
      expect(valid).toBe(true);
    }

    expect([...operation.responses.keys()], `${operationId} documents status ${exchange.status}`).toContain(
      exchange.status,
    );
    const response = operation.responses.get(exchange.status);
    if (response) {
      const valid = response(JSON.parse(exchange.responseBody));
      expect(response.errors ?? [], `${operationId} ${exchange.status} response body`).toEqual([]);
      expect(valid).toBe(true);
    } else {
      expect(exchange.responseBody).toBe("");
    }
  }

  it("apps/check-token: 200", async () => {
    const token = (await emulator.issueUserToken()).token;
    await conforms("apps/check-token", () => client.checkToken(token), 200);
  });

  it("apps/check-token: 404", async () => {
    await conforms("apps/check-token", () => client.checkToken(UNKNOWN_TOKEN), 404);
  });

  it("apps/reset-token: 200", async () => {
    const token = (await emulator.issueUserToken()).token;
    await conforms("apps/reset-token", () => client.resetToken(token), 200);
  });

  it("apps/delete-token: 204", async () => {
    const token = (await emulator.issueUserToken()).token;
    await conforms("apps/delete-token", () => client.deleteToken(token), 204);
  });

  it("apps/delete-authorization: 204", async () => {
    const token = (await emulator.issueUserToken()).token;
    await conforms("apps/delete-authorization", () => client.deleteAuthorization(token), 204);
  });

  it("apps/scope-token: 200 with every input field", async () => {
    const token = (await emulator.issueUserToken()).token;
    await conforms(
      "apps/scope-token",
      () =>
        client.scopeToken({
          accessToken: token,
          target: "octo-org",
          repositories: ["api", "web"],
          permissions: { issues: "write", metadata: "read", contents: "read" },
        }),
      200,
    );
  });

  it("apps/scope-token: 200 with ids", async () => {
    const token = (await emulator.issueUserToken()).token;
    const ids = emulator.org.repositories
      .filter((repository) => repository.name !== "docs")
      .map(({ id }) => id);
    await conforms(
      "apps/scope-token",
      () => client.scopeToken({ accessToken: token, targetId: emulator.org.id, repositoryIds: ids }),
      200,
    );
  });

  it("apps/scope-token: 404", async () => {
    await conforms(
      "apps/scope-token",
      () => client.scopeToken({ accessToken: UNKNOWN_TOKEN, target: "octo-org" }),
      404,
    );
  });

  it("apps/scope-token: 422 (permissions beyond the installation)", async () => {
    const token = (await emulator.issueUserToken()).token;
    await conforms(
      "apps/scope-token",
      () =>
        client.scopeToken({
          accessToken: token,
          target: "octo-org",
          permissions: { administration: "read" },
        }),
      422,
    );
  });

  it.each([
    ["apps/check-token", (token: string) => client.checkToken(token)],
    ["apps/reset-token", (token: string) => client.resetToken(token)],
    ["apps/delete-token", (token: string) => client.deleteToken(token)],
    ["apps/delete-authorization", (token: string) => client.deleteAuthorization(token)],
  ] as const)("%s: 422 (the endpoint has been spammed)", async (operationId, call) => {
    const token = (await emulator.issueUserToken()).token;
    await emulator.admin.setFaults({ status: 422, path: "/applications/" });
    await conforms(operationId, () => call(token), 422);
  });
});

describe("the contract validators themselves", () => {
  const contract = new OpenApiContract("ghes-3.19");
  it("reject bodies that do not conform", () => {
    const checkToken = contract.operation("apps/check-token");
    expect(checkToken.request?.({})).toBe(false);
    expect(checkToken.request?.({ access_token: 42 })).toBe(false);
    expect(checkToken.responses.get(200)?.({ id: 1 })).toBe(false);
    const scopeToken = contract.operation("apps/scope-token");
    expect(scopeToken.request?.({ access_token: "x", target_id: "1" })).toBe(false);
    expect(scopeToken.request?.({ access_token: "x", permissions: { issues: "admin" } })).toBe(false);
  });
});
