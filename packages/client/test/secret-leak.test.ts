import { inspect } from "node:util";
import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InvalidInputError,
  NotFoundError,
  OAuthAppClient,
  OAuthError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TransportError,
  ValidationError,
} from "../src/index.js";
import { authorizationBody, CLIENT_WORLD } from "./support/fixtures.js";
import { deviceCodeBody, expiringGrantBody, oauthErrorBody } from "./support/oauth-fixtures.js";
import { closedPort, type StubAnswer, startStubServer } from "./support/stub-server.js";

let emulator: SeededEmulator;

beforeAll(async () => {
  emulator = await startSeededEmulator({ world: CLIENT_WORLD });
});
afterAll(async () => {
  await emulator?.close();
});

/** Every rendering of an error a log line or crash report could contain. */
function renderings(error: unknown): string[] {
  const err = error as Error;
  return [
    err.message,
    String(err),
    err.stack ?? "",
    JSON.stringify(err),
    inspect(err, { depth: 10 }),
    inspect(err, { depth: 10, showHidden: true }),
  ];
}

function secretsOf(token: string, clientId: string, clientSecret: string): string[] {
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
  return [token, encodeURIComponent(token), clientSecret, encodeURIComponent(clientSecret), basic];
}

async function expectNoLeak(
  promise: Promise<unknown>,
  secrets: string[],
  expectedClass: new (...args: never[]) => Error,
) {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(expectedClass);
  for (const text of renderings(error)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
  return error;
}

type Call = (client: OAuthAppClient, token: string) => Promise<unknown>;
const ALL_CALLS: Array<[string, Call]> = [
  ["checkToken", (c, t) => c.checkToken(t)],
  ["resetToken", (c, t) => c.resetToken(t)],
  ["deleteToken", (c, t) => c.deleteToken(t)],
  ["deleteAuthorization", (c, t) => c.deleteAuthorization(t)],
  [
    "scopeToken",
    (c, t) => c.scopeToken({ accessToken: t, target: "octo-org", permissions: { administration: "write" } }),
  ],
  ["checkAuthorization", (c, t) => c.checkAuthorization(t)],
  ["resetAuthorization", (c, t) => c.resetAuthorization(t)],
  ["revokeAuthorization", (c, t) => c.revokeAuthorization(t)],
  ["revokeGrant", (c, t) => c.revokeGrant(t)],
];

describe("no token or secret in any error (emulator)", () => {
  function emulatorClient(options: Partial<ConstructorParameters<typeof OAuthAppClient>[0]> = {}) {
    return new OAuthAppClient({
      ...emulator.connection,
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 },
      ...options,
    });
  }
  const secrets = (token: string) => secretsOf(token, emulator.app.client_id, emulator.app.client_secret);

  it.each(ALL_CALLS)("%s: 404 for a revoked token", async (_name, call) => {
    const client = emulatorClient();
    const token = (await emulator.issueUserToken()).token;
    await client.deleteToken(token);
    await expectNoLeak(call(client, token), secrets(token), NotFoundError);
    await client.close();
  });

  it.each(ALL_CALLS)("%s: 404 with a wrong client secret", async (_name, call) => {
    const client = emulatorClient({ clientSecret: "wrong-secret-value" });
    const token = (await emulator.issueUserToken()).token;
    await expectNoLeak(call(client, token), [...secrets(token), "wrong-secret-value"], NotFoundError);
    await client.close();
  });

  it("scopeToken: 422 from the API", async () => {
    const client = emulatorClient();
    const token = (await emulator.issueUserToken()).token;
    await expectNoLeak(ALL_CALLS[4]?.[1](client, token) as Promise<unknown>, secrets(token), ValidationError);
    await client.close();
  });

  it.each([
    [503, ServerError],
    [429, RateLimitError],
    [422, ValidationError],
  ] as const)("every call with an injected %s", async (status, errorClass) => {
    const client = emulatorClient();
    const token = (await emulator.issueUserToken()).token;
    await emulator.admin.setFaults({ status, path: "/applications/" });
    try {
      for (const [, call] of ALL_CALLS) await expectNoLeak(call(client, token), secrets(token), errorClass);
    } finally {
      await emulator.admin.clearFaults();
      await client.close();
    }
  });

  it("every call with a connection reset", async () => {
    const client = emulatorClient();
    const token = (await emulator.issueUserToken()).token;
    await emulator.admin.setFaults({ resetRate: 1, path: "/applications/" });
    try {
      for (const [, call] of ALL_CALLS)
        await expectNoLeak(call(client, token), secrets(token), TransportError);
    } finally {
      await emulator.admin.clearFaults();
      await client.close();
    }
  });

  it("every call timing out", async () => {
    const client = emulatorClient({ timeoutMs: 50, retry: false });
    const token = (await emulator.issueUserToken()).token;
    await emulator.admin.setFaults({ latencyMs: 1_500, path: "/applications/" });
    try {
      await Promise.all(
        ALL_CALLS.map(async ([, call]) => {
          const error = await expectNoLeak(call(client, token), secrets(token), TransportError);
          expect((error as TransportError).code).toBe("UND_ERR_HEADERS_TIMEOUT");
        }),
      );
    } finally {
      await emulator.admin.clearFaults();
      await client.close();
    }
  });

  it("every call aborted in flight", async () => {
    const client = emulatorClient();
    const token = (await emulator.issueUserToken()).token;
    await emulator.admin.setFaults({ latencyMs: 1_000, path: "/applications/" });
    try {
      await Promise.all(
        ALL_CALLS.map(([, call]) => {
          const controller = new AbortController();
          setTimeout(() => controller.abort(), 50);
          const withSignal = (c: OAuthAppClient, t: string) =>
            call(
              new Proxy(c, {
                get: (target, property) => {
                  const value = Reflect.get(target, property);
                  return typeof value === "function"
                    ? (first: unknown) => value.call(target, first, { signal: controller.signal })
                    : value;
                },
              }),
              t,
            );
          return expectNoLeak(withSignal(client, token), secrets(token), TransportError);
        }),
      );
    } finally {
      await emulator.admin.clearFaults();
      await client.close();
    }
  });
});

describe("no refresh token, code, device code or secret in any grant error (emulator)", () => {
  const form = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  const variants = (value: string) => [value, encodeURIComponent(value), form(value)];
  function grantClient(clientSecret = emulator.app.client_secret) {
    return new OAuthAppClient({
      baseUrl: emulator.apiUrl,
      clientId: emulator.app.client_id,
      clientSecret,
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 },
    });
  }
  const basic = (secret: string) => Buffer.from(`${emulator.app.client_id}:${secret}`).toString("base64");

  /** A fresh refresh token, web-flow code and device code, and the calls that use them. */
  async function grantCalls() {
    const issued = await emulator.admin.issueUserToken({
      client_id: emulator.app.client_id,
      login: "octocat",
    });
    const { code } = await emulator.admin.createWebFlowCode({
      client_id: emulator.app.client_id,
      login: "octocat",
    });
    const device = await grantClient().createDeviceCode();
    const refreshToken = issued.refresh_token as string;
    const secrets = [
      refreshToken,
      code,
      device.device_code,
      issued.token,
      emulator.app.client_secret,
    ].flatMap(variants);
    const calls: Array<[string, (client: OAuthAppClient) => Promise<unknown>]> = [
      ["refreshToken", (c) => c.refreshToken(refreshToken)],
      ["exchangeWebFlowCode", (c) => c.exchangeWebFlowCode({ code })],
      ["createDeviceCode", (c) => c.createDeviceCode()],
      ["exchangeDeviceCode", (c) => c.exchangeDeviceCode(device.device_code)],
      [
        "waitForDeviceAuthorization",
        (c) => c.waitForDeviceAuthorization(device.device_code, { interval: 0.001, expiresIn: 60 }),
      ],
    ];
    return { calls, secrets: [...secrets, basic(emulator.app.client_secret)], refreshToken, code };
  }

  it("a used refresh token and a used web-flow code: OAuthError without their values", async () => {
    const client = grantClient();
    const { refreshToken, code, secrets } = await grantCalls();
    const grant = await client.refreshToken(refreshToken);
    await client.exchangeWebFlowCode({ code });
    const all = [...secrets, ...variants(grant.access_token), ...variants(grant.refresh_token as string)];
    await expectNoLeak(client.refreshToken(refreshToken), all, OAuthError);
    await expectNoLeak(client.exchangeWebFlowCode({ code }), all, OAuthError);
    await client.close();
  });

  it("a wrong client secret: incorrect_client_credentials without the secrets", async () => {
    const wrong = "wrong client+secret/=";
    const client = grantClient(wrong);
    const { calls, secrets } = await grantCalls();
    for (const [name, call] of calls) {
      if (/Device/.test(name)) continue; // the device flow sends no client secret
      const error = await expectNoLeak(
        call(client),
        [...secrets, ...variants(wrong), basic(wrong)],
        OAuthError,
      );
      expect((error as OAuthError).code).toBe("incorrect_client_credentials");
    }
    await client.close();
  });

  it.each([
    [503, ServerError],
    [429, RateLimitError],
  ] as const)("every grant with an injected %s", async (status, errorClass) => {
    const client = grantClient();
    const { calls, secrets } = await grantCalls();
    await emulator.admin.setFaults({ status, path: "/login/" });
    try {
      for (const [, call] of calls) await expectNoLeak(call(client), secrets, errorClass);
    } finally {
      await emulator.admin.clearFaults();
      await client.close();
    }
  });

  it("every grant with a connection reset", async () => {
    const client = grantClient();
    const { calls, secrets } = await grantCalls();
    await emulator.admin.setFaults({ resetRate: 1, path: "/login/" });
    try {
      for (const [, call] of calls) await expectNoLeak(call(client), secrets, TransportError);
    } finally {
      await emulator.admin.clearFaults();
      await client.close();
    }
  });
});

describe("no token or secret in any error (scripted server and closed port)", () => {
  const token = "gho_Leak/Test+Token=0123456789abcdef";
  const clientId = "Iv1.leak";
  const clientSecret = "leak-test-client-secret";
  const secrets = secretsOf(token, clientId, clientSecret);
  const options = { clientId, clientSecret, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 } };

  it.each(ALL_CALLS)("%s: connection refused", async (_name, call) => {
    const client = new OAuthAppClient({ ...options, baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const error = await expectNoLeak(call(client, token), secrets, TransportError);
    expect((error as TransportError).code).toBe("ECONNREFUSED");
    await client.close();
  });

  it.each(ALL_CALLS)("%s: already aborted", async (_name, call) => {
    const client = new OAuthAppClient({ ...options, baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const proxy = new Proxy(client, {
      get: (target, property) => {
        const value = Reflect.get(target, property);
        return typeof value === "function"
          ? (first: unknown) =>
              value.call(target, first, { signal: AbortSignal.abort(new Error(`stop ${token}`)) })
          : value;
      },
    });
    const error = await expectNoLeak(call(proxy, token), secrets, TransportError);
    expect((error as TransportError).code).toBe("ABORT_ERR");
    await client.close();
  });

  it("an error body that echoes the token and secret is redacted", async () => {
    const stub = await startStubServer(() => ({
      status: 422,
      body: JSON.stringify({
        message: `Validation Failed for ${token} (${clientSecret})`,
        documentation_url: `https://docs.example.com/${encodeURIComponent(token)}`,
        errors: [
          { resource: "Authorization", field: "access_token", code: "invalid", value: token },
          `bad ${token}`,
        ],
      }),
    }));
    const client = new OAuthAppClient({ ...options, baseUrl: stub.apiUrl });
    try {
      for (const [, call] of ALL_CALLS) {
        const error = await expectNoLeak(call(client, token), secrets, ValidationError);
        expect((error as ValidationError).apiMessage).toContain("[REDACTED]");
      }
    } finally {
      await client.close();
      await stub.close();
    }
  });

  it("a 200 whose body does not fit names paths, never values", async () => {
    const body = authorizationBody(token, clientId, { id: token, hashed_token: 7, user: { login: token } });
    const stub = await startStubServer(() => ({ status: 200, body: JSON.stringify(body) }));
    const client = new OAuthAppClient({ ...options, baseUrl: stub.apiUrl });
    try {
      for (const [name, call] of ALL_CALLS) {
        if (/delete|revoke/i.test(name)) continue;
        const error = await expectNoLeak(call(client, token), secrets, ResponseShapeError);
        const paths = (error as ResponseShapeError).issues.map((issue) => issue.path);
        expect(paths).toEqual(expect.arrayContaining(["id", "hashed_token", "user.id"]));
        expect((error as ResponseShapeError).message).toContain("id");
      }
    } finally {
      await client.close();
      await stub.close();
    }
  });

  it("a 200 whose body is not JSON", async () => {
    const stub = await startStubServer(() => ({ status: 200, body: `<html>${token}` }));
    const client = new OAuthAppClient({ ...options, baseUrl: stub.apiUrl });
    try {
      const error = await expectNoLeak(client.checkAuthorization(token), secrets, ResponseShapeError);
      expect((error as ResponseShapeError).issues).toEqual([
        { path: "(body)", message: "is not valid JSON" },
      ]);
    } finally {
      await client.close();
      await stub.close();
    }
  });

  it("invalid input never echoes the token", async () => {
    const client = new OAuthAppClient({ ...options, baseUrl: "https://github.example.com" });
    await expectNoLeak(client.checkToken(`${token}\n`), secrets, InvalidInputError);
    await expectNoLeak(
      client.scopeToken({ accessToken: ` ${token}`, target: "x" }),
      secrets,
      InvalidInputError,
    );
    await client.close();
  });

  it("an options error never echoes the client secret", () => {
    const error = (() => {
      try {
        new OAuthAppClient({ ...options, baseUrl: `http://user:${clientSecret}@github.example.com` });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    for (const text of renderings(error)) expect(text).not.toContain(clientSecret);
  });
});

describe("no refresh token, code, device code or secret in any error of the OAuth grants", () => {
  const refreshToken = "ghr_Leak/Refresh+Token=0123456789abcdef";
  const webCode = "web/Leak+Code=0123456789";
  const deviceCode = "device/Leak+Code=0123456789";
  const echoedAccess = "ghu_Echoed/Access+Token=0123456789";
  const echoedRefresh = "ghr_Echoed/Refresh+Token=0123456789";
  const clientId = "Iv1.leak";
  const clientSecret = "leak test/client+secret=";
  const form = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  const inputs = [refreshToken, webCode, deviceCode, clientSecret];
  const secrets = [
    ...inputs.flatMap((value) => [value, encodeURIComponent(value), form(value)]),
    ...[echoedAccess, echoedRefresh].flatMap((value) => [value, encodeURIComponent(value)]),
    Buffer.from(`${clientId}:${clientSecret}`).toString("base64"),
  ];
  const options = { clientId, clientSecret, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 } };

  type GrantCall = (client: OAuthAppClient, signal?: AbortSignal) => Promise<unknown>;
  const GRANT_CALLS: Array<[string, GrantCall]> = [
    ["refreshToken", (c, signal) => c.refreshToken(refreshToken, { signal })],
    [
      "exchangeWebFlowCode",
      (c, signal) =>
        c.exchangeWebFlowCode({ code: webCode, redirectUri: "https://app.example.com/cb" }, { signal }),
    ],
    ["createDeviceCode", (c, signal) => c.createDeviceCode({ scopes: ["repo"] }, { signal })],
    ["exchangeDeviceCode", (c, signal) => c.exchangeDeviceCode(deviceCode, { signal })],
    [
      "waitForDeviceAuthorization",
      (c, signal) => c.waitForDeviceAuthorization(deviceCode, { interval: 0.001, expiresIn: 60, signal }),
    ],
  ];

  /** What a hostile server could echo: the raw request body and each value sent. */
  const echo = (body: string) => {
    const values = [...new URLSearchParams(body).values()];
    return [body, ...values, ...values.map(encodeURIComponent)].join(" ");
  };

  async function withStub(
    answer: (body: string) => StubAnswer,
    run: (client: OAuthAppClient) => Promise<void>,
  ) {
    const stub = await startStubServer((request) => answer(request.body));
    const client = new OAuthAppClient({ ...options, baseUrl: stub.apiUrl });
    try {
      await run(client);
    } finally {
      await client.close();
      await stub.close();
    }
  }

  it.each(GRANT_CALLS)(
    "%s: an OAuth error whose description, uri and request id echo what was sent and the answer's tokens",
    async (_name, call) => {
      await withStub(
        (body) => ({
          status: 200,
          headers: { "x-github-request-id": `id-${encodeURIComponent(body)}` },
          body: JSON.stringify({
            ...oauthErrorBody("bad_verification_code"),
            // The tokens of the answer's own fields are echoed too.
            error_description: `bad: ${echo(body)} ${echoedAccess} ${echoedRefresh}`,
            error_uri: `https://docs.example.com/?q=${encodeURIComponent(echo(body))}`,
            access_token: echoedAccess,
            refresh_token: echoedRefresh,
          }),
        }),
        async (client) => {
          const error = await expectNoLeak(call(client), secrets, OAuthError);
          expect((error as OAuthError).code).toBe("bad_verification_code");
          expect((error as OAuthError).description).toContain("[REDACTED]");
        },
      );
    },
  );

  it.each(GRANT_CALLS)("%s: a 5xx whose body echoes what was sent", async (_name, call) => {
    await withStub(
      (body) => ({
        status: 502,
        body: JSON.stringify({ message: `upstream said ${echo(body)}`, errors: [echo(body)] }),
      }),
      async (client) => {
        await expectNoLeak(call(client), secrets, ServerError);
      },
    );
  });

  it.each(GRANT_CALLS)("%s: a 200 of the wrong shape carrying tokens", async (_name, call) => {
    await withStub(
      () => ({
        status: 200,
        body: JSON.stringify({
          ...expiringGrantBody(echoedAccess, echoedRefresh),
          ...deviceCodeBody(deviceCode),
          expires_in: echoedAccess,
          scope: [echoedRefresh],
          interval: refreshToken,
        }),
      }),
      async (client) => {
        await expectNoLeak(call(client), secrets, ResponseShapeError);
      },
    );
  });

  it.each(GRANT_CALLS)("%s: a 200 that is not JSON and echoes the request", async (_name, call) => {
    await withStub(
      (body) => ({ status: 200, headers: { "content-type": "text/html" }, body: `<html>${echo(body)}` }),
      async (client) => {
        await expectNoLeak(call(client), secrets, ResponseShapeError);
      },
    );
  });

  it.each(GRANT_CALLS)("%s: a connection reset", async (_name, call) => {
    await withStub(
      () => "reset",
      async (client) => {
        await expectNoLeak(call(client), secrets, TransportError);
      },
    );
  });

  it.each(GRANT_CALLS)("%s: connection refused", async (_name, call) => {
    const client = new OAuthAppClient({ ...options, baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const error = await expectNoLeak(call(client), secrets, TransportError);
    expect((error as TransportError).code).toBe("ECONNREFUSED");
    await client.close();
  });

  it.each(GRANT_CALLS)("%s: aborted with a reason that names the secrets", async (_name, call) => {
    const client = new OAuthAppClient({ ...options, baseUrl: `http://127.0.0.1:${await closedPort()}` });
    // The reason names the call's own inputs and the client secret.
    const own = {
      refreshToken: [refreshToken],
      exchangeWebFlowCode: [webCode],
      createDeviceCode: [] as string[],
    };
    const reason = (own as Record<string, string[]>)[_name] ?? [deviceCode];
    const signal = AbortSignal.abort(new Error(`stop ${[...reason, clientSecret].join(" ")}`));
    const error = await expectNoLeak(call(client, signal), secrets, TransportError);
    expect((error as TransportError).code).toBe("ABORT_ERR");
    await client.close();
  });

  it.each(GRANT_CALLS)("%s: timing out", async (_name, call) => {
    await withStub(
      // biome-ignore lint/suspicious/noThenProperty: the stub server's delayed-answer shape, never awaited
      () => ({ delayMs: 1_500, then: { status: 200, body: "{}" } }),
      async (client) => {
        const error = await expectNoLeak(call(client, AbortSignal.timeout(50)), secrets, TransportError);
        expect((error as TransportError).code).toBe("TIMEOUT_ERR");
      },
    );
  });

  it("waitForDeviceAuthorization: an abort while pending, with a reason naming the device code", async () => {
    await withStub(
      () => ({ status: 200, body: JSON.stringify(oauthErrorBody("authorization_pending")) }),
      async (client) => {
        const controller = new AbortController();
        const waiting = client.waitForDeviceAuthorization(deviceCode, {
          interval: 0.001,
          expiresIn: 60,
          signal: controller.signal,
          onPending: ({ attempt }) => {
            if (attempt === 2) controller.abort(new Error(`stop polling ${deviceCode}`));
          },
        });
        const error = await expectNoLeak(waiting, secrets, TransportError);
        expect((error as TransportError).code).toBe("ABORT_ERR");
      },
    );
  });

  it("invalid input never echoes the refresh token, code or device code", async () => {
    const client = new OAuthAppClient({ ...options, baseUrl: "https://github.example.com" });
    await expectNoLeak(client.refreshToken(`${refreshToken} `), secrets, InvalidInputError);
    await expectNoLeak(client.exchangeWebFlowCode({ code: ` ${webCode}` }), secrets, InvalidInputError);
    await expectNoLeak(
      client.exchangeWebFlowCode({ code: webCode, redirectUri: refreshToken }),
      secrets,
      InvalidInputError,
    );
    await expectNoLeak(client.exchangeDeviceCode(`${deviceCode}\n`), secrets, InvalidInputError);
    await expectNoLeak(
      client.waitForDeviceAuthorization(`\t${deviceCode}`, { interval: 5, expiresIn: 900 }),
      secrets,
      InvalidInputError,
    );
    await expectNoLeak(
      client.createDeviceCode({ scopes: [`${deviceCode} x`] }),
      [deviceCode],
      InvalidInputError,
    );
    await client.close();
  });
});
