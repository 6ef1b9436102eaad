import { inspect } from "node:util";
import type { Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  type CallOptions,
  ForbiddenError,
  GhesOAuthError,
  GitHubApiError,
  InvalidInputError,
  NotFoundError,
  OAuthAppClient,
  type OAuthAppClientOptions,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TransportError,
  ValidationError,
} from "../src/index.js";
import { authorizationBody } from "./support/fixtures.js";
import {
  type StubAnswer,
  type StubRequest,
  type StubServer,
  startStubServer,
} from "./support/stub-server.js";

/**
 * Every kind of secret-bearing failure, through every client method, searched in every rendering
 * of the error it produces. The secrets contain `/`, `+` and `=` so that their URL-encoded forms
 * differ from them.
 */
const token = "gho_Leak/Test+Token=0123456789abcdef";
const clientId = "Iv1.leak";
const clientSecret = "leak/test+client=secret";
const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");

const lowerEncoded = (text: string) =>
  encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase());
const SECRET_FORMS: Array<[string, string]> = [
  ["token", token],
  ["token, URL-encoded", encodeURIComponent(token)],
  ["token, URL-encoded (lower-case hex)", lowerEncoded(token)],
  ["client secret", clientSecret],
  ["client secret, URL-encoded", encodeURIComponent(clientSecret)],
  ["client secret, URL-encoded (lower-case hex)", lowerEncoded(clientSecret)],
  ["base64 of clientId:clientSecret", basic],
  ["base64 of clientId:clientSecret, URL-encoded", encodeURIComponent(basic)],
  ["base64 of clientId:clientSecret, URL-encoded (lower-case hex)", lowerEncoded(basic)],
];

type Call = (client: OAuthAppClient, accessToken: string, options?: CallOptions) => Promise<unknown>;
const METHODS: Array<[string, Call]> = [
  ["checkToken", (c, t, o) => c.checkToken(t, o)],
  ["resetToken", (c, t, o) => c.resetToken(t, o)],
  ["deleteToken", (c, t, o) => c.deleteToken(t, o)],
  ["deleteAuthorization", (c, t, o) => c.deleteAuthorization(t, o)],
  [
    "scopeToken",
    (c, t, o) => c.scopeToken({ accessToken: t, target: "octo-org", permissions: { issues: "write" } }, o),
  ],
  ["checkAuthorization", (c, t, o) => c.checkAuthorization(t, o)],
  ["resetAuthorization", (c, t, o) => c.resetAuthorization(t, o)],
  ["revokeAuthorization", (c, t, o) => c.revokeAuthorization(t, o)],
  ["revokeGrant", (c, t, o) => c.revokeGrant(t, o)],
];
/** The methods that parse a 2xx body (the others expect 204 and ignore it). */
const PARSING_METHODS = METHODS.filter(([name]) => !/^(delete|revoke)/.test(name));

type ErrorClass = abstract new (...args: never[]) => Error;

/** Each rendering of an error (and of each link of its cause chain) that a log line or crash report could hold. */
function renderings(error: unknown): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  const add = (label: string, render: () => unknown) => {
    try {
      texts.push([label, String(render())]);
    } catch (renderError) {
      texts.push([label, `(rendering threw ${String(renderError)})`]);
    }
  };
  const err = error as Error;
  add("message", () => err.message);
  add("String()", () => String(err));
  add("stack", () => err.stack);
  add("JSON.stringify", () => JSON.stringify(err));
  add("util.inspect", () => inspect(err, { depth: Number.POSITIVE_INFINITY }));
  add("util.inspect showHidden", () => inspect(err, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
  for (const name of Object.getOwnPropertyNames(err)) {
    add(`property ${name}`, () => JSON.stringify((err as unknown as Record<string, unknown>)[name]));
  }
  const seen = new Set<unknown>();
  const walk = (link: unknown, label: string) => {
    if (link === null || typeof link !== "object" || seen.has(link)) return;
    seen.add(link);
    const record = link as Record<string, unknown>;
    add(`${label}.message`, () => record.message);
    add(`${label}.name`, () => record.name);
    add(`${label}.code`, () => record.code);
    add(`${label}.stack`, () => record.stack);
    add(`${label} JSON.stringify`, () => JSON.stringify(link));
    walk(record.cause, `${label}.cause`);
    if (Array.isArray(record.errors)) {
      for (const [index, item] of record.errors.entries()) walk(item, `${label}.errors[${index}]`);
    }
  };
  walk((err as { cause?: unknown }).cause, "cause");
  return texts;
}

const tally = { cases: 0, renderings: 0, searches: 0, leaks: [] as string[] };

async function expectNoLeak(label: string, promise: Promise<unknown>, expectedClass: ErrorClass) {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  tally.cases++;
  const error = outcome.resolved ? undefined : outcome.error;
  const leaks: string[] = [];
  for (const [where, text] of renderings(error)) {
    tally.renderings++;
    for (const [form, secret] of SECRET_FORMS) {
      tally.searches++;
      if (text.includes(secret)) leaks.push(`${label}: ${form} in ${where}`);
    }
  }
  tally.leaks.push(...leaks);
  expect(outcome.resolved, `${label}: expected a rejection`).toBe(false);
  expect(error, `${label}: ${error instanceof Error ? error.name : typeof error}`).toBeInstanceOf(
    expectedClass,
  );
  expect(error).toBeInstanceOf(GhesOAuthError);
  expect(leaks).toEqual([]);
}

function baseOptions(): Omit<OAuthAppClientOptions, "baseUrl"> {
  return { clientId, clientSecret, retry: false };
}

/** What a hostile server or dispatcher saw of the request, to echo it back. */
interface Echo {
  authorization: string;
  accessToken: string;
}

function echoOf(request: StubRequest): Echo {
  let accessToken = "";
  try {
    accessToken = (JSON.parse(request.body) as { access_token?: string }).access_token ?? "";
  } catch {
    const last = request.path.split("/").pop() ?? "";
    accessToken = decodeURIComponent(last);
  }
  return { authorization: String(request.headers.authorization ?? ""), accessToken };
}

/** Every secret the request carried, in every spelling a careless server might use. */
function everything({ authorization, accessToken }: Echo): string {
  const credentials = Buffer.from(authorization.replace(/^Basic /, ""), "base64").toString("utf8");
  return [
    authorization,
    accessToken,
    encodeURIComponent(accessToken),
    lowerEncoded(accessToken),
    credentials,
    encodeURIComponent(authorization),
    lowerEncoded(authorization),
  ].join(" | ");
}

function hostileErrorBody(echo: Echo): Record<string, unknown> {
  const all = everything(echo);
  return {
    message: `Bad credentials: ${all}`,
    documentation_url: `https://docs.example.com/${encodeURIComponent(echo.accessToken)}?auth=${lowerEncoded(echo.authorization)}`,
    errors: [
      all,
      {
        resource: echo.accessToken,
        field: echo.authorization,
        code: echo.accessToken,
        message: all,
        value: echo.accessToken,
        [echo.accessToken]: echo.authorization,
        nested: { [echo.authorization]: [echo.accessToken, { [encodeURIComponent(echo.accessToken)]: all }] },
      },
      { code: "invalid", [lowerEncoded(echo.accessToken)]: true },
    ],
    [echo.accessToken]: echo.authorization,
  };
}

function hostileHeaders(echo: Echo): Record<string, string> {
  return {
    "x-github-request-id": `${echo.accessToken} ${echo.authorization} ${encodeURIComponent(echo.accessToken)}`,
  };
}

/** A 2xx authorization whose wrong fields sit under keys (and values) taken from the request. */
function hostileAuthorizationBody(echo: Echo): Record<string, unknown> {
  return authorizationBody(echo.accessToken, clientId, {
    id: echo.accessToken,
    hashed_token: 7,
    user: { login: 5, [echo.accessToken]: echo.authorization },
    installation: {
      permissions: {
        [echo.accessToken]: 7,
        [echo.authorization]: 8,
        [encodeURIComponent(echo.accessToken)]: 9,
        [lowerEncoded(echo.authorization)]: 10,
      },
      repository_selection: echo.accessToken,
      single_file_name: null,
      repositories_url: echo.authorization,
      account: { login: echo.accessToken, id: echo.authorization, node_id: 1, type: 2 },
    },
  });
}

/** JSON text of `leaf` wrapped in `depth` arrays, built as text: JSON.stringify itself would overflow. */
function nestedJson(depth: number, leaf: unknown): string {
  return `${"[".repeat(depth)}${JSON.stringify(leaf)}${"]".repeat(depth)}`;
}

describe("a hostile server echoing the credentials and the token", () => {
  let stub: StubServer;
  let answer: (echo: Echo) => StubAnswer = () => ({ status: 500 });
  let client: OAuthAppClient;

  beforeAll(async () => {
    stub = await startStubServer((request) => answer(echoOf(request)));
    client = new OAuthAppClient({ ...baseOptions(), baseUrl: stub.apiUrl });
  });
  afterAll(async () => {
    await client?.close();
    await stub?.close();
  });

  it.each([
    [400, {}, GitHubApiError],
    [401, {}, AuthenticationError],
    [403, {}, ForbiddenError],
    [403, { "x-ratelimit-remaining": "0" }, RateLimitError],
    [404, {}, NotFoundError],
    [409, {}, GitHubApiError],
    [422, {}, ValidationError],
    [429, {}, RateLimitError],
    [500, {}, ServerError],
    [502, {}, ServerError],
    [503, { "retry-after": "120" }, ServerError],
  ] as const)(
    "%i (%o) with a body and request id echoing them, through all 9 methods",
    async (status, headers, errorClass) => {
      answer = (echo) => ({
        status,
        headers: { ...hostileHeaders(echo), ...headers },
        body: JSON.stringify(hostileErrorBody(echo)),
      });
      for (const [name, call] of METHODS)
        await expectNoLeak(`${status} ${name}`, call(client, token), errorClass);
    },
  );

  it.each([401, 404, 500])("%i with a non-JSON body echoing them, through all 9 methods", async (status) => {
    answer = (echo) => ({
      status,
      headers: { ...hostileHeaders(echo), "content-type": "text/html" },
      body: `<html>${everything(echo)}</html>`,
    });
    for (const [name, call] of METHODS) {
      await expectNoLeak(`${status} html ${name}`, call(client, token), GitHubApiError);
    }
  });

  it("422 whose errors nest 10,000 levels deep (a stack-overflow attempt), through all 9 methods", async () => {
    answer = (echo) => ({
      status: 422,
      headers: hostileHeaders(echo),
      body: `{"message":"Validation Failed","errors":[${nestedJson(10_000, everything(echo))},{"code":"invalid","deep":${nestedJson(10_000, everything(echo))}}]}`,
    });
    for (const [name, call] of METHODS) {
      await expectNoLeak(`deep 422 ${name}`, call(client, token), ValidationError);
    }
  });

  it("200 whose wrong fields sit under record keys and values echoing them, and a request id echoing them (5 parsing methods)", async () => {
    answer = (echo) => ({
      status: 200,
      headers: hostileHeaders(echo),
      body: JSON.stringify(hostileAuthorizationBody(echo)),
    });
    for (const [name, call] of PARSING_METHODS) {
      await expectNoLeak(`shape ${name}`, call(client, token), ResponseShapeError);
    }
  });

  it("200 whose body is not JSON but echoes them (5 parsing methods)", async () => {
    answer = (echo) => ({ status: 200, headers: hostileHeaders(echo), body: `oops ${everything(echo)}` });
    for (const [name, call] of PARSING_METHODS) {
      await expectNoLeak(`not JSON ${name}`, call(client, token), ResponseShapeError);
    }
  });
});

describe("a custom dispatcher throwing secret-bearing failures", () => {
  /** What undici's errors can carry: the request, headers and path included. */
  const requestOf = (options: Dispatcher.RequestOptions): Echo => ({
    authorization: String((options.headers as Record<string, string>).authorization),
    accessToken: (() => {
      try {
        return (JSON.parse(String(options.body)) as { access_token: string }).access_token;
      } catch {
        return decodeURIComponent(options.path.split("/").pop() ?? "");
      }
    })(),
  });

  const withCode = (error: Error, code: unknown) => Object.assign(error, { code });

  const FAILURES: Array<[string, (options: Dispatcher.RequestOptions) => unknown]> = [
    [
      "an Error whose message holds the request",
      (o) => new Error(`failed ${o.path} ${everything(requestOf(o))}`),
    ],
    ["an Error whose code holds them", (o) => withCode(new Error("boom"), `E_${everything(requestOf(o))}`)],
    [
      "an Error whose name holds them",
      (o) => Object.assign(new Error("boom"), { name: `Err ${everything(requestOf(o))}` }),
    ],
    [
      "an Error carrying the request on properties (like undici's)",
      (o) =>
        Object.assign(new Error("socket hang up"), { code: "ECONNRESET", request: o, headers: o.headers }),
    ],
    [
      "a two-link cyclic cause chain",
      (o) => {
        const first = withCode(new Error(`first ${everything(requestOf(o))}`), undefined);
        const second = withCode(
          new Error(`second ${everything(requestOf(o))}`),
          `E_${requestOf(o).accessToken}`,
        );
        first.cause = second;
        second.cause = first;
        return first;
      },
    ],
    [
      "a two-link cyclic cause chain without a code anywhere",
      (o) => {
        const first = new Error(`first ${everything(requestOf(o))}`);
        first.cause = new Error(`second ${requestOf(o).accessToken}`, { cause: first });
        return first;
      },
    ],
    [
      "a self-referencing cause",
      (o) => {
        const error = new Error(`self ${everything(requestOf(o))}`);
        error.cause = error;
        return error;
      },
    ],
    [
      "a 5,000-link cause chain",
      (o) => {
        let error = new Error(`root ${everything(requestOf(o))}`);
        for (let link = 0; link < 5_000; link++)
          error = new Error(`link ${requestOf(o).accessToken}`, { cause: error });
        return error;
      },
    ],
    [
      "an AggregateError of secret-bearing errors",
      (o) =>
        new AggregateError(
          [
            withCode(new Error(`ipv4 ${everything(requestOf(o))}`), "ECONNREFUSED"),
            withCode(new Error("ipv6"), `E_${requestOf(o).authorization}`),
          ],
          `all failed ${requestOf(o).accessToken}`,
        ),
    ],
    ["a thrown string", (o) => `plain string ${everything(requestOf(o))}`],
    ["a thrown symbol", (o) => Symbol(everything(requestOf(o)))],
    [
      "a thrown plain object",
      (o) => ({ code: requestOf(o).accessToken, message: everything(requestOf(o)), options: o }),
    ],
    [
      "a thrown null-prototype object",
      (o) => Object.assign(Object.create(null), { code: "ECONNRESET", secret: everything(requestOf(o)) }),
    ],
    ["undefined", () => undefined],
    [
      "an Error whose message getter throws",
      (o) =>
        Object.defineProperty(withCode(new Error(), `E_${requestOf(o).accessToken}`), "message", {
          get() {
            throw new Error(everything(requestOf(o)));
          },
        }),
    ],
    [
      "a proxy that throws on every property access",
      (o) =>
        new Proxy(new Error("x"), {
          get() {
            throw new Error(everything(requestOf(o)));
          },
          getPrototypeOf() {
            throw new Error(everything(requestOf(o)));
          },
        }),
    ],
  ];

  const dispatcherClient = (dispatcher: unknown) =>
    new OAuthAppClient({
      ...baseOptions(),
      baseUrl: "https://github.example.com",
      dispatcher: dispatcher as Dispatcher,
    });

  it.each(FAILURES)("%s, through all 9 methods", async (kind, failure) => {
    const client = dispatcherClient({
      request: async (options: Dispatcher.RequestOptions) => {
        throw failure(options);
      },
    });
    for (const [name, call] of METHODS)
      await expectNoLeak(`${kind} ${name}`, call(client, token), TransportError);
  });

  it("a response body that fails mid-read with the request in its error, through all 9 methods", async () => {
    const client = dispatcherClient({
      request: async (options: Dispatcher.RequestOptions) => ({
        statusCode: 200,
        headers: { "x-github-request-id": everything(requestOf(options)) },
        body: {
          text: async () => {
            throw withCode(new Error(`terminated ${everything(requestOf(options))}`), `UND_ERR_${token}`);
          },
        },
      }),
    });
    for (const [name, call] of METHODS)
      await expectNoLeak(`body read ${name}`, call(client, token), TransportError);
  });

  it("an abort whose reason holds them, through all 9 methods", async () => {
    const client = dispatcherClient({
      request: async (options: Dispatcher.RequestOptions) => {
        throw (options.signal as AbortSignal).reason;
      },
    });
    for (const [name, call] of METHODS) {
      const signal = AbortSignal.abort(new Error(`stop ${token} ${basic} ${clientSecret}`));
      await expectNoLeak(`abort ${name}`, call(client, token, { signal }), TransportError);
    }
  });
});

describe("invalid input built from the secrets", () => {
  const client = new OAuthAppClient({ ...baseOptions(), baseUrl: "https://github.example.com" });
  afterAll(() => client.close());

  it("a token with whitespace, through all 9 methods", async () => {
    for (const [name, call] of METHODS) {
      await expectNoLeak(`whitespace ${name}`, call(client, `${token} `), InvalidInputError);
    }
  });

  it("scopeToken with the token (and the secret) pasted as permission names", async () => {
    await expectNoLeak(
      "permission names",
      client.scopeToken({
        accessToken: token,
        target: "octo-org",
        permissions: { [token]: "read", [clientSecret]: "write" } as never,
      }),
      InvalidInputError,
    );
  });
});

describe("totals", () => {
  it("tried every case and found no leak", () => {
    // 11 statuses + 3 non-JSON + 1 deep, x 9 methods; 2 shape kinds x 5; 18 dispatcher kinds x 9; 9 + 1 input.
    const expected = (11 + 3 + 1) * 9 + 2 * 5 + 18 * 9 + 9 + 1;
    console.log(
      `redaction matrix: ${tally.cases} cases, ${tally.renderings} renderings, ${tally.searches} searches, ${tally.leaks.length} leaks`,
    );
    expect(tally.leaks).toEqual([]);
    expect(tally.cases).toBe(expected);
  });
});
