import { Client } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OAuthAppClient, type OAuthAppClientOptions, OAuthError } from "../src/index.js";
import { type StubServer, startStubServer } from "./support/stub-server.js";

const credentials = { clientId: "Iv1.0123456789abcdef", clientSecret: "s3cret-value" };

// Plain http:// that the client accepts: each call must then go out, to the path the URL names. The
// stub stands in for the host through an injected dispatcher (the names below do not resolve here).
describe("plain http:// the client accepts", () => {
  let stub: StubServer;
  let dispatcher: Client;

  beforeAll(async () => {
    stub = await startStubServer((request) =>
      request.path.includes("/login/")
        ? { status: 200, body: JSON.stringify({ error: "bad_refresh_token" }) }
        : { status: 204 },
    );
    dispatcher = new Client(`http://127.0.0.1:${stub.port}`);
  });
  afterAll(async () => {
    await dispatcher?.close();
    await stub?.close();
  });

  async function sent(options: Omit<OAuthAppClientOptions, keyof typeof credentials | "dispatcher">) {
    const first = stub.requests.length;
    const client = new OAuthAppClient({ ...credentials, ...options, dispatcher });
    try {
      await client.deleteToken("ghu_any");
      await expect(client.refreshToken("ghr_any")).rejects.toThrow(OAuthError);
    } finally {
      await client.close();
    }
    return stub.requests.slice(first).map((request) => `${request.method} ${request.path}`);
  }

  it("to a non-loopback host with allowInsecureHttp: true (API and web host)", async () => {
    expect(await sent({ baseUrl: "http://github.example.com", allowInsecureHttp: true })).toEqual([
      "DELETE /api/v3/applications/Iv1.0123456789abcdef/token",
      "POST /login/oauth/access_token",
    ]);
  });

  it("to a non-loopback webUrl with allowInsecureHttp: true", async () => {
    expect(
      await sent({
        baseUrl: "https://github.example.com",
        webUrl: "http://github.example.com/sso",
        allowInsecureHttp: true,
      }),
    ).toEqual([
      "DELETE /api/v3/applications/Iv1.0123456789abcdef/token",
      "POST /sso/login/oauth/access_token",
    ]);
  });

  it.each([
    ["http://127.0.0.1:3000", "/api/v3"],
    ["http://localhost:3000/api/v3", "/api/v3"],
    ["http://[::1]:3000", "/api/v3"],
  ])("to loopback %s without allowInsecureHttp", async (baseUrl, basePath) => {
    expect(await sent({ baseUrl })).toEqual([
      `DELETE ${basePath}/applications/Iv1.0123456789abcdef/token`,
      "POST /login/oauth/access_token",
    ]);
  });

  it("to a loopback webUrl without allowInsecureHttp", async () => {
    expect(await sent({ baseUrl: "https://github.example.com", webUrl: "http://localhost:9999" })).toEqual([
      "DELETE /api/v3/applications/Iv1.0123456789abcdef/token",
      "POST /login/oauth/access_token",
    ]);
  });
});
