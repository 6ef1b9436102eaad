import { afterEach, describe, expect, it, vi } from "vitest";
import {
  GhesOAuthError,
  InvalidInputError,
  NotFoundError,
  OAUTH_ERROR_CODES,
  OAuthAppClient,
  type OAuthAppClientOptions,
  OAuthError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TransportError,
  type UserTokenGrant,
} from "../src/index.js";
import { createRequestContext } from "../src/request/index.js";
import { deviceCodeBody, expiringGrantBody, oauthErrorBody } from "./support/oauth-fixtures.js";
import {
  closedPort,
  type StubAnswer,
  type StubRequest,
  type StubServer,
  startStubServer,
} from "./support/stub-server.js";

const CLIENT_ID = "Iv1.grants";
const CLIENT_SECRET = "grants+client secret/=";
const FAST_RETRY = { retries: 2, minDelayMs: 1, maxDelayMs: 5 };

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  vi.useRealTimers();
  while (open.length > 0) await open.pop()?.close();
});

async function stubAndClient(
  answer: (request: StubRequest, index: number) => StubAnswer,
  options: Partial<OAuthAppClientOptions> = {},
): Promise<{ stub: StubServer; client: OAuthAppClient }> {
  const stub = await startStubServer(answer);
  const client = new OAuthAppClient({
    baseUrl: stub.apiUrl,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    retry: FAST_RETRY,
    ...options,
  });
  open.push(stub, client);
  return { stub, client };
}

const json = (body: unknown, headers: Record<string, string> = {}): StubAnswer => ({
  status: 200,
  headers: { "x-github-request-id": "ABCD:1234", ...headers },
  body: JSON.stringify(body),
});

type Grant = (client: OAuthAppClient) => Promise<unknown>;
const GRANTS: Array<[string, string, Grant]> = [
  ["refreshToken", "/login/oauth/access_token", (c) => c.refreshToken("ghr_Refresh")],
  ["exchangeWebFlowCode", "/login/oauth/access_token", (c) => c.exchangeWebFlowCode({ code: "web-code" })],
  ["exchangeDeviceCode", "/login/oauth/access_token", (c) => c.exchangeDeviceCode("device-code")],
  ["createDeviceCode", "/login/device/code", (c) => c.createDeviceCode()],
];

function form(request: StubRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body));
}

describe("requests: what each grant sends, as GitHub documents it", () => {
  it("refreshToken: form-encoded refresh grant with client_id and client_secret in the body", async () => {
    const { stub, client } = await stubAndClient(() => json(expiringGrantBody("ghu_New", "ghr_New")));
    await client.refreshToken("ghr_Old+/=");
    const [request] = stub.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/login/oauth/access_token");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers.authorization).toBeUndefined();
    expect(form(request as StubRequest)).toEqual({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_type: "refresh_token",
      refresh_token: "ghr_Old+/=",
    });
  });

  it("exchangeWebFlowCode: code, redirect_uri, client_id and client_secret", async () => {
    const { stub, client } = await stubAndClient(() => json(expiringGrantBody("ghu_New", "ghr_New")));
    await client.exchangeWebFlowCode({ code: "c0de", redirectUri: "https://app.example.com/callback" });
    await client.exchangeWebFlowCode({ code: "c0de2" });
    expect(stub.requests.map(form)).toEqual([
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        code: "c0de",
        redirect_uri: "https://app.example.com/callback",
      },
      { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code: "c0de2" },
    ]);
  });

  it("createDeviceCode: client_id and the scopes, never the client secret", async () => {
    const { stub, client } = await stubAndClient(() => json(deviceCodeBody("dc")));
    await client.createDeviceCode({ scopes: ["repo", "read:org"] });
    await client.createDeviceCode();
    expect(stub.requests.map((request) => request.path)).toEqual([
      "/login/device/code",
      "/login/device/code",
    ]);
    expect(stub.requests.map(form)).toEqual([
      { client_id: CLIENT_ID, scope: "repo read:org" },
      { client_id: CLIENT_ID },
    ]);
  });

  it("exchangeDeviceCode: the device-code grant type with client_id only, never the client secret", async () => {
    const { stub, client } = await stubAndClient(() => json(expiringGrantBody("ghu_New", "ghr_New")));
    await client.exchangeDeviceCode("dc-123");
    expect(form(stub.requests[0] as StubRequest)).toEqual({
      client_id: CLIENT_ID,
      device_code: "dc-123",
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
    });
  });

  it("goes to the web origin: baseUrl's /api/v3 removed, or webUrl when given", async () => {
    const api = await startStubServer(() => ({ status: 500 }));
    const web = await startStubServer(() => json(expiringGrantBody("ghu_New", "ghr_New")));
    open.push(api, web);
    const client = new OAuthAppClient({
      baseUrl: api.apiUrl,
      webUrl: `http://127.0.0.1:${web.port}/sso/`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    open.push(client);
    await client.refreshToken("ghr_x");
    expect(api.requests).toHaveLength(0);
    expect(web.requests.map((request) => request.path)).toEqual(["/sso/login/oauth/access_token"]);
  });
});

describe("the web-origin dispatcher", () => {
  it("is created on the first grant only, and close() closes it with the API one", async () => {
    const api = await startStubServer(() => json({}));
    const web = await startStubServer(() => json(expiringGrantBody("ghu_New", "ghr_New")));
    open.push(api, web);
    const client = new OAuthAppClient({
      baseUrl: api.apiUrl,
      webUrl: `http://127.0.0.1:${web.port}`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    await client.checkToken("ghu_x").catch(() => undefined);
    expect(web.openConnections()).toBe(0);
    await client.refreshToken("ghr_x");
    expect(web.openConnections()).toBe(1);
    expect(api.openConnections()).toBe(1);
    await client.close();
    await vi.waitFor(() => {
      expect(web.openConnections()).toBe(0);
      expect(api.openConnections()).toBe(0);
    });
    const afterClose = await client.refreshToken("ghr_y").catch((error: unknown) => error);
    expect(afterClose).toBeInstanceOf(TransportError);
    expect((afterClose as TransportError).code).toBe("UND_ERR_CLOSED");
    expect(web.requests).toHaveLength(1);
  });

  it("a context creates no second pool until a grant needs one", () => {
    const { context } = createRequestContext({
      baseUrl: "https://api.github.com",
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    expect(context.web.origin).toBe("https://github.com");
    expect(context.web.dispatcher.created).toBe(false);
    expect(context.web.dispatcher.get()).toBe(context.web.dispatcher.get());
    expect(context.web.dispatcher.get()).not.toBe(context.dispatcher);
    expect(context.web.dispatcher.created).toBe(true);
    open.push(context.dispatcher, context.web.dispatcher);
  });

  it("the same origin shares the API pool", () => {
    const { context } = createRequestContext({
      baseUrl: "https://github.example.com",
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    expect(context.web.dispatcher.get()).toBe(context.dispatcher);
    open.push(context.dispatcher);
  });

  it("an injected dispatcher serves both origins and is left open", async () => {
    const { Agent } = await import("undici");
    const agent = new Agent();
    const api = await startStubServer(() => json({}));
    const web = await startStubServer(() => json(expiringGrantBody("ghu_New", "ghr_New")));
    open.push(api, web, agent);
    const client = new OAuthAppClient({
      baseUrl: api.apiUrl,
      webUrl: `http://127.0.0.1:${web.port}`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      dispatcher: agent,
    });
    await client.refreshToken("ghr_x");
    await client.close();
    expect(agent.closed).toBe(false);
    await client.refreshToken("ghr_y");
    expect(web.requests).toHaveLength(2);
  });
});

describe("answers", () => {
  it("an expiring app's grant: tokens, lifetimes as given, absolute expiry from the arrival time", async () => {
    const { client } = await stubAndClient(() =>
      json(expiringGrantBody("ghu_New", "ghr_New", { extra: "kept" })),
    );
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-01-01T00:00:00Z") });
    const grant = await client.refreshToken("ghr_Old");
    expect(grant).toEqual({
      access_token: "ghu_New",
      token_type: "bearer",
      scope: "",
      expires_in: 28800,
      refresh_token: "ghr_New",
      refresh_token_expires_in: 15897600,
      expires_at: "2026-01-01T08:00:00.000Z",
      refresh_token_expires_at: "2026-07-04T00:00:00.000Z",
      extra: "kept",
    } satisfies UserTokenGrant);
  });

  it("a non-expiring app's grant: no refresh token, expires_at null", async () => {
    const { client } = await stubAndClient(() =>
      json({ access_token: "ghu_Forever", scope: "repo", token_type: "bearer" }),
    );
    const grant = await client.exchangeWebFlowCode({ code: "c" });
    expect(grant).toEqual({
      access_token: "ghu_Forever",
      scope: "repo",
      token_type: "bearer",
      expires_at: null,
      refresh_token_expires_at: null,
    });
    expect(grant.refresh_token).toBeUndefined();
  });

  it("a form-encoded answer (a server ignoring Accept) is read too, numbers included", async () => {
    const body = new URLSearchParams({
      access_token: "ghu_Form",
      expires_in: "28800",
      refresh_token: "ghr_Form",
      refresh_token_expires_in: "15897600",
      scope: "",
      token_type: "bearer",
    }).toString();
    const { client } = await stubAndClient(() => ({
      status: 200,
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body,
    }));
    const grant = await client.refreshToken("ghr_Old");
    expect(grant).toMatchObject({
      access_token: "ghu_Form",
      expires_in: 28800,
      refresh_token_expires_in: 15897600,
    });
  });

  it("a device code: fields as given, expires_at from the arrival time", async () => {
    const { client } = await stubAndClient(() => json(deviceCodeBody("dc-1")));
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-01-01T00:00:00Z") });
    expect(await client.createDeviceCode()).toEqual({
      ...deviceCodeBody("dc-1"),
      expires_at: "2026-01-01T00:15:00.000Z",
    });
  });

  it.each([
    ["a grant without access_token", GRANTS[0], { token_type: "bearer", scope: "" }, "access_token"],
    [
      "a grant with a non-numeric expires_in",
      GRANTS[0],
      expiringGrantBody("a", "b", { expires_in: "soon" }),
      "expires_in",
    ],
    [
      "a device code without interval",
      GRANTS[3],
      { ...deviceCodeBody("dc"), interval: undefined },
      "interval",
    ],
    ["an error that is not a string", GRANTS[2], { error: 7 }, "error"],
  ] as const)("%s is a ResponseShapeError naming the path", async (_name, grant, body, path) => {
    const { client } = await stubAndClient(() => json(body));
    const [, route, call] = grant as (typeof GRANTS)[number];
    const error = await call(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).issues.map((issue) => issue.path)).toContain(path);
    expect((error as ResponseShapeError).route).toBe(route);
    expect((error as ResponseShapeError).requestId).toBe("ABCD:1234");
  });

  it("a 200 that is not JSON is a ResponseShapeError", async () => {
    const { client } = await stubAndClient(() => ({
      status: 200,
      headers: { "content-type": "text/html" },
      body: "<html>",
    }));
    const error = await client.refreshToken("ghr_x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).issues).toEqual([{ path: "(body)", message: "is not valid JSON" }]);
  });
});

describe("OAuth errors: HTTP 200 {error, error_description, error_uri} -> OAuthError with GitHub's code", () => {
  const cases = GRANTS.flatMap(([name, route, grant]) =>
    OAUTH_ERROR_CODES.map((code) => [name, code, route, grant] as const),
  );

  it.each(cases)("%s answered %s", async (_name, code, route, grant) => {
    const { stub, client } = await stubAndClient(() => json(oauthErrorBody(code)));
    const error = await grant(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toBeInstanceOf(GhesOAuthError);
    expect(error).toMatchObject({
      name: "OAuthError",
      code,
      description: `description of ${code}`,
      errorUri: `https://docs.github.com/errors#${code}`,
      method: "POST",
      route,
      status: 200,
      requestId: "ABCD:1234",
    });
    expect((error as OAuthError).message).toBe(
      `POST ${route} failed: ${code}: description of ${code} (request id ABCD:1234)`,
    );
    expect(stub.requests).toHaveLength(1);
  });

  it("slow_down carries the server's new interval", async () => {
    const { client } = await stubAndClient(() => json(oauthErrorBody("slow_down", { interval: 10 })));
    const error = await client.exchangeDeviceCode("dc").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "slow_down", interval: 10 });
  });

  it("an unknown code is kept as sent", async () => {
    const { client } = await stubAndClient(() => json({ error: "brand_new_error" }));
    const error = await client.refreshToken("ghr_x").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "brand_new_error", description: undefined, errorUri: undefined });
  });

  it("the same body with status 400 (an RFC 6749 server) is an OAuthError too, with that status", async () => {
    const { client } = await stubAndClient(() => ({
      status: 400,
      body: JSON.stringify(oauthErrorBody("authorization_pending")),
    }));
    const error = await client.exchangeDeviceCode("dc").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: "authorization_pending", status: 400 });
  });
});

describe("HTTP errors map to the GitHubApiError family", () => {
  it.each([
    [404, NotFoundError],
    [503, ServerError],
  ] as const)("%s", async (status, errorClass) => {
    const { stub, client } = await stubAndClient(() => ({
      status,
      body: JSON.stringify({ message: "nope", documentation_url: "https://docs.github.com" }),
    }));
    for (const [, route, grant] of GRANTS) {
      const error = await grant(client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ status, route, apiMessage: "nope" });
    }
    // Minting calls do not replay a 5xx: the server may have acted.
    expect(stub.requests).toHaveLength(GRANTS.length);
  });
});

describe("retries: only when provably unsent", () => {
  it("a 429 is retried (nothing was minted) and then succeeds", async () => {
    const { stub, client } = await stubAndClient((_request, index) =>
      index === 0
        ? { status: 429, headers: { "retry-after": "0" }, body: JSON.stringify({ message: "slow" }) }
        : json(expiringGrantBody("ghu_New", "ghr_New")),
    );
    expect((await client.refreshToken("ghr_x")).access_token).toBe("ghu_New");
    expect(stub.requests).toHaveLength(2);
  });

  it("a persistent 429 ends in RateLimitError after 1 + retries attempts", async () => {
    const { stub, client } = await stubAndClient(() => ({
      status: 429,
      headers: { "retry-after": "0" },
      body: "{}",
    }));
    const error = await client.exchangeWebFlowCode({ code: "c" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(stub.requests).toHaveLength(1 + FAST_RETRY.retries);
  });

  it("a connection reset is not retried (the grant may have been minted)", async () => {
    const { stub, client } = await stubAndClient(() => "reset");
    for (const [, , grant] of GRANTS) {
      const error = await grant(client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TransportError);
    }
    expect(stub.requests).toHaveLength(GRANTS.length);
  });

  it("connection refused is retried, then TransportError ECONNREFUSED", async () => {
    const port = await closedPort();
    const client = new OAuthAppClient({
      baseUrl: `http://127.0.0.1:${port}/api/v3`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      retry: FAST_RETRY,
    });
    open.push(client);
    const error = await client.refreshToken("ghr_x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("ECONNREFUSED");
  });

  it("an aborted signal rejects with TransportError ABORT_ERR and sends nothing", async () => {
    const { stub, client } = await stubAndClient(() => json(expiringGrantBody("a", "b")));
    const error = await client
      .refreshToken("ghr_x", { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("ABORT_ERR");
    expect(stub.requests).toHaveLength(0);
  });
});

describe("input is checked before any request", () => {
  it.each([
    ["refreshToken empty", (c: OAuthAppClient) => c.refreshToken(""), "refreshToken"],
    ["refreshToken with whitespace", (c: OAuthAppClient) => c.refreshToken("ghr_x\n"), "refreshToken"],
    ["exchangeWebFlowCode without code", (c: OAuthAppClient) => c.exchangeWebFlowCode({} as never), "code"],
    [
      "exchangeWebFlowCode with a relative redirectUri",
      (c: OAuthAppClient) => c.exchangeWebFlowCode({ code: "c", redirectUri: "/callback" }),
      "redirectUri",
    ],
    [
      "exchangeWebFlowCode with a snake_case key",
      (c: OAuthAppClient) => c.exchangeWebFlowCode({ code: "c", redirect_uri: "x" } as never),
      "(input)",
    ],
    [
      "createDeviceCode with a scope containing a space",
      (c: OAuthAppClient) => c.createDeviceCode({ scopes: ["a b"] }),
      "scopes.0",
    ],
    [
      "exchangeDeviceCode not a string",
      (c: OAuthAppClient) => c.exchangeDeviceCode(7 as never),
      "deviceCode",
    ],
    [
      "waitForDeviceAuthorization without interval",
      (c: OAuthAppClient) => c.waitForDeviceAuthorization("dc", { expiresIn: 900 } as never),
      "options.interval",
    ],
    [
      "waitForDeviceAuthorization with a negative expiresIn",
      (c: OAuthAppClient) => c.waitForDeviceAuthorization("dc", { interval: 5, expiresIn: -1 }),
      "options.expiresIn",
    ],
  ])("%s", async (_name, call, path) => {
    const { stub, client } = await stubAndClient(() => json({}));
    const error = await call(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((issue) => issue.path)).toContain(path);
    expect(stub.requests).toHaveLength(0);
  });
});
