import { readFileSync } from "node:fs";
import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { Agent, Pool, ProxyAgent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../src/create-dispatcher.js";
import { InvalidInputError, OAuthAppClient, TransportError } from "../src/index.js";
import { type ConnectProxy, startConnectProxy } from "./support/connect-proxy.js";
import { CLIENT_WORLD } from "./support/fixtures.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/tls/${name}`, import.meta.url), "utf8");
const ca = fixture("ca.pem");

describe("HTTPS with a private CA (the emulator over TLS)", () => {
  let emulator: SeededEmulator;
  let adminAgent: Agent;

  beforeAll(async () => {
    adminAgent = new Agent({ connect: { ca } });
    emulator = await startSeededEmulator({
      world: CLIENT_WORLD,
      tls: { cert: fixture("server.pem"), key: fixture("server-key.pem") },
      adminDispatcher: adminAgent,
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await adminAgent?.close();
  });

  it("serves https", () => {
    expect(emulator.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
  });

  it.each([
    ["a PEM string", ca],
    ["an array of PEM strings", [ca]],
  ])("connects when the CA is given with `ca` as %s", async (_form, caOption) => {
    const client = new OAuthAppClient({
      ...emulator.connection,
      ca: caOption,
    });
    try {
      const token = (await emulator.issueUserToken()).token;
      expect((await client.checkToken(token)).token).toBe(token);
      expect(
        (await client.scopeToken({ accessToken: token, target: "octo-org" })).installation,
      ).toBeDefined();
    } finally {
      await client.close();
    }
  });

  it("refuses the certificate without `ca`, as a TransportError that keeps the TLS code", async () => {
    const client = new OAuthAppClient(emulator.connection);
    try {
      const error = await client.checkToken((await emulator.issueUserToken()).token).catch((e) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toMatch(/CERT|SIGNATURE|SELF_SIGNED|ISSUER/);
    } finally {
      await client.close();
    }
  });

  it("tunnels through HTTPS_PROXY to a non-loopback host, the credentials only inside TLS", async () => {
    const port = new URL(emulator.apiUrl).port;
    const proxy = await startConnectProxy({ "ghes.test": "127.0.0.1" });
    try {
      await withProxyEnv({ HTTPS_PROXY: proxy.url }, async () => {
        const client = new OAuthAppClient({
          baseUrl: `https://ghes.test:${port}/api/v3`,
          clientId: emulator.app.client_id,
          clientSecret: emulator.app.client_secret,
          ca,
        });
        try {
          const token = (await emulator.issueUserToken()).token;
          expect((await client.checkToken(token)).token).toBe(token);
        } finally {
          await client.close();
        }
      });
      expect(proxy.tunnels).toEqual([`ghes.test:${port}`]);
      expect(proxy.forwarded).toEqual([]);
      expect(proxy.sawClearTextCredentials()).toBe(false);
    } finally {
      await proxy.close();
    }
  });

  it("never sends a loopback https target through the proxy, whatever proxy variables are set", async () => {
    const proxy = await startConnectProxy();
    try {
      await withProxyEnv(allProxyVariables(proxy.url), async () => {
        const client = new OAuthAppClient({
          ...emulator.connection,
          ca,
        });
        try {
          const token = (await emulator.issueUserToken()).token;
          expect((await client.checkToken(token)).token).toBe(token);
        } finally {
          await client.close();
        }
      });
      expect(proxy.tunnels).toEqual([]);
      expect(proxy.forwarded).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe("plain http and proxies (the emulator over http)", () => {
  let emulator: SeededEmulator;
  let proxy: ConnectProxy;

  beforeAll(async () => {
    emulator = await startSeededEmulator({ world: CLIENT_WORLD });
    proxy = await startConnectProxy({ "ghes.test": "127.0.0.1" });
  });
  afterAll(async () => {
    await emulator?.close();
    await proxy?.close();
  });

  it.each([true, false])(
    "the test proxy itself sees the Basic credentials of plain http sent through it (tunnel: %s)",
    async (proxyTunnel) => {
      const witness = await startConnectProxy();
      const through = new ProxyAgent({ uri: witness.url, proxyTunnel });
      try {
        const response = await through.request({
          origin: new URL(emulator.apiUrl).origin,
          path: "/api/v3/applications/x/token",
          method: "POST",
          headers: { authorization: "Basic eDp5", "content-type": "application/json" },
          body: "{}",
        });
        await response.body.text();
        expect(witness.sawClearTextCredentials()).toBe(true);
        expect(witness.tunnels.length + witness.forwarded.length).toBe(1);
      } finally {
        await through.close();
        await witness.close();
      }
    },
  );

  it.each(["127.0.0.1", "localhost"])(
    "a loopback http://%s target bypasses HTTP(S)_PROXY: the proxy sees no request and no credentials",
    async (host) => {
      const url = new URL(emulator.apiUrl);
      url.hostname = host;
      await withProxyEnv(allProxyVariables(proxy.url), async () => {
        const client = new OAuthAppClient({
          baseUrl: url.href,
          clientId: emulator.app.client_id,
          clientSecret: emulator.app.client_secret,
        });
        try {
          const token = (await emulator.issueUserToken()).token;
          expect((await client.checkToken(token)).token).toBe(token);
          expect((await client.checkAuthorization(token)).token).toBe(token);
          await client.deleteToken(token);
        } finally {
          await client.close();
        }
      });
      expect(proxy.tunnels).toEqual([]);
      expect(proxy.forwarded).toEqual([]);
      expect(proxy.sawClearTextCredentials()).toBe(false);
    },
  );

  it.each(["HTTP_PROXY", "http_proxy"])(
    "refuses plain http:// to a non-loopback host when %s applies to it, naming baseUrl and the fix",
    async (variable) => {
      const port = new URL(emulator.apiUrl).port;
      await withProxyEnv({ [variable]: proxy.url }, async () => {
        let error: unknown;
        try {
          new OAuthAppClient({
            baseUrl: `http://ghes.test:${port}/api/v3`,
            clientId: emulator.app.client_id,
            clientSecret: emulator.app.client_secret,
            allowInsecureHttp: true,
          });
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(InvalidInputError);
        const issues = (error as InvalidInputError).issues;
        expect(issues.map((issue) => issue.path)).toEqual(["baseUrl"]);
        expect(issues[0]?.message).toContain(variable);
        expect(issues[0]?.message).toContain("https://");
        expect(issues[0]?.message).toContain("NO_PROXY=ghes.test");
        expect((error as Error).message).not.toContain(proxy.url);
      });
      expect(proxy.tunnels).toEqual([]);
      expect(proxy.forwarded).toEqual([]);
    },
  );

  it("allows plain http:// to a non-loopback host that NO_PROXY exempts, or that no http proxy covers", async () => {
    const baseUrl = "http://ghes.test:8080/api/v3";
    const options = { baseUrl, clientId: "Iv1.x", clientSecret: "s", allowInsecureHttp: true };
    await withProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: "ghes.test" }, async () => {
      await new OAuthAppClient(options).close();
    });
    await withProxyEnv({ HTTPS_PROXY: proxy.url }, async () => {
      await new OAuthAppClient(options).close();
    });
    // An injected dispatcher is the caller's routing decision: the environment is not consulted.
    await withProxyEnv({ HTTP_PROXY: proxy.url }, async () => {
      const dispatcher = new Agent();
      await new OAuthAppClient({ ...options, dispatcher }).close();
      await dispatcher.close();
    });
  });
});

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];

function allProxyVariables(url: string): Record<string, string> {
  return { HTTPS_PROXY: url, https_proxy: url, HTTP_PROXY: url, http_proxy: url };
}

/** Runs with exactly these proxy variables set (the others cleared), then restores the environment. */
async function withProxyEnv(variables: Record<string, string>, run: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
  try {
    await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe("the owned dispatcher", () => {
  const settings = { origin: "https://github.example.com", ca: undefined, connectTimeoutMs: 1_000 };
  const proxyUrl = "http://127.0.0.1:3128";

  it("is a keep-alive Pool for the origin without proxy variables", async () => {
    const dispatcher = createDispatcher({ ...settings, env: {} });
    expect(dispatcher).toBeInstanceOf(Pool);
    await dispatcher.close();
  });

  it.each(["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"])(
    "goes through the proxy in %s for a remote https origin",
    async (name) => {
      const dispatcher = createDispatcher({ ...settings, env: { [name]: proxyUrl } });
      expect(dispatcher).toBeInstanceOf(ProxyAgent);
      await dispatcher.close();
    },
  );

  it.each([
    "https://127.0.0.1:8443",
    "https://127.9.9.9",
    "http://127.0.0.1:8080",
    "http://localhost:8080",
    "https://[::1]:8443",
  ])("is a plain Pool for the loopback origin %s even with every proxy variable set", async (origin) => {
    const dispatcher = createDispatcher({ ...settings, origin, env: allProxyVariables(proxyUrl) });
    expect(dispatcher).toBeInstanceOf(Pool);
    await dispatcher.close();
  });

  it.each([
    ["*", "https://github.example.com"],
    ["github.example.com", "https://github.example.com"],
    ["GITHUB.example.com", "https://github.example.com"],
    ["example.com", "https://github.example.com"],
    [".example.com", "https://github.example.com"],
    ["*.example.com", "https://github.example.com"],
    ["other.test, github.example.com:443", "https://github.example.com"],
    ["github.example.com:8443", "https://github.example.com:8443"],
  ])("NO_PROXY=%s exempts %s", async (noProxy, origin) => {
    for (const name of ["NO_PROXY", "no_proxy"]) {
      const dispatcher = createDispatcher({
        ...settings,
        origin,
        env: { HTTPS_PROXY: proxyUrl, [name]: noProxy },
      });
      expect(dispatcher).toBeInstanceOf(Pool);
      await dispatcher.close();
    }
  });

  it.each([
    ["github.example.com:8443", "https://github.example.com"],
    ["ample.com", "https://github.example.com"],
    ["git.example.com", "https://github.example.com"],
  ])("NO_PROXY=%s does not exempt %s", async (noProxy, origin) => {
    const dispatcher = createDispatcher({
      ...settings,
      origin,
      env: { HTTPS_PROXY: proxyUrl, NO_PROXY: noProxy },
    });
    expect(dispatcher).toBeInstanceOf(ProxyAgent);
    await dispatcher.close();
  });

  it("does not send an http origin through HTTPS_PROXY (that variable is for https targets)", async () => {
    const origin = "http://github.example.com";
    const dispatcher = createDispatcher({ ...settings, origin, env: { HTTPS_PROXY: proxyUrl } });
    expect(dispatcher).toBeInstanceOf(Pool);
    await dispatcher.close();
  });

  it("refuses an http origin that HTTP_PROXY applies to, naming the option the origin came from", () => {
    const origin = "http://github.example.com";
    const attempt = (option?: string) => () =>
      createDispatcher({ ...settings, origin, env: { HTTP_PROXY: proxyUrl }, ...(option ? { option } : {}) });
    expect(attempt()).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: "baseUrl" })] }),
    );
    expect(attempt("webUrl")).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: "webUrl" })] }),
    );
  });
});
