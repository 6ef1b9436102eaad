import { readFileSync } from "node:fs";
import { Agent, EnvHttpProxyAgent, Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../src/create-dispatcher.js";
import { OAuthAppClient, TransportError } from "../src/index.js";
import { startConnectProxy } from "./support/connect-proxy.js";
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/tls/${name}`, import.meta.url), "utf8");
const ca = fixture("ca.pem");

describe("HTTPS with a private CA (the emulator over TLS)", () => {
  let emulator: SeededEmulator;
  let adminAgent: Agent;

  beforeAll(async () => {
    adminAgent = new Agent({ connect: { ca } });
    emulator = await startSeededEmulator({
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

  it("connects when the CA is given with `ca`", async () => {
    const client = new OAuthAppClient({
      baseUrl: emulator.apiUrl,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      ca,
    });
    try {
      const token = await emulator.newToken();
      expect((await client.checkToken(token)).token).toBe(token);
      expect(
        (await client.scopeToken({ accessToken: token, target: "octo-org" })).installation,
      ).toBeDefined();
    } finally {
      await client.close();
    }
  });

  it("refuses the certificate without `ca`, as a TransportError that keeps the TLS code", async () => {
    const client = new OAuthAppClient({
      baseUrl: emulator.apiUrl,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
    });
    try {
      const error = await client.checkToken(await emulator.newToken()).catch((e) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toMatch(/CERT|SIGNATURE|SELF_SIGNED|ISSUER/);
    } finally {
      await client.close();
    }
  });

  it("tunnels through HTTPS_PROXY, and bypasses it for NO_PROXY hosts", async () => {
    const proxy = await startConnectProxy();
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
    const newClient = () =>
      new OAuthAppClient({
        baseUrl: emulator.apiUrl,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        ca,
      });
    try {
      process.env.HTTPS_PROXY = proxy.url;
      delete process.env.NO_PROXY;
      const proxied = newClient();
      const token = await emulator.newToken();
      expect((await proxied.checkToken(token)).token).toBe(token);
      await proxied.close();
      expect(proxy.tunnels).toEqual([new URL(emulator.apiUrl).host]);

      process.env.NO_PROXY = "127.0.0.1";
      const direct = newClient();
      expect((await direct.checkToken(token)).token).toBe(token);
      await direct.close();
      expect(proxy.tunnels).toHaveLength(1);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await proxy.close();
    }
  });
});

describe("the owned dispatcher", () => {
  const settings = { origin: "https://github.example.com", ca: undefined, connectTimeoutMs: 1_000 };

  it("is a keep-alive Pool for the origin without proxy variables", async () => {
    const dispatcher = createDispatcher({ ...settings, env: {} });
    expect(dispatcher).toBeInstanceOf(Pool);
    await dispatcher.close();
  });

  it.each(["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"])(
    "honours %s through EnvHttpProxyAgent (which also applies NO_PROXY)",
    async (name) => {
      const dispatcher = createDispatcher({ ...settings, env: { [name]: "http://127.0.0.1:3128" } });
      expect(dispatcher).toBeInstanceOf(EnvHttpProxyAgent);
      await dispatcher.close();
    },
  );
});
