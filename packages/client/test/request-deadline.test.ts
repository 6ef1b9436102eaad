import { afterEach, describe, expect, it } from "vitest";
import { OAuthAppClient, type OAuthAppClientOptions, OAuthError, TransportError } from "../src/index.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";
import { startStubServer } from "./support/stub-server.js";

const TOKEN = `ghu_${"D".repeat(36)}`;
const SECRET = "drip-client-secret";

let server: HostileServer | undefined;
let client: OAuthAppClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

async function clientOf(
  behaviour: Parameters<typeof startHostileServer>[0],
  options: Partial<OAuthAppClientOptions>,
) {
  server = await startHostileServer(behaviour);
  client = new OAuthAppClient({
    baseUrl: server.apiUrl,
    clientId: "Iv1.drip",
    clientSecret: SECRET,
    ...options,
  });
  return { client, server };
}

async function timed<T>(promise: Promise<T>): Promise<{ error: unknown; elapsedMs: number }> {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, elapsedMs: performance.now() - started };
}

describe("the whole-request deadline (requestTimeoutMs)", () => {
  it("a server dripping one byte every 300 ms fails at the deadline, naming the route and the host", async () => {
    const { client, server } = await clientOf(
      { kind: "drip", status: 200, intervalMs: 300 },
      { requestTimeoutMs: 1_000 },
    );
    const { error, elapsedMs } = await timed(client.checkToken(TOKEN));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      code: "REQUEST_TIMEOUT",
      host: server.host,
      route: "/applications/{client_id}/token",
    });
    const message = (error as Error).message;
    expect(message).toContain("POST /applications/{client_id}/token");
    expect(message).toContain(server.host);
    expect(message).toContain("1000 ms (requestTimeoutMs)");
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain(SECRET);
    expect(elapsedMs).toBeGreaterThanOrEqual(900);
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it("applies to the OAuth grants on the web host too", async () => {
    const { client, server } = await clientOf(
      { kind: "drip", status: 200, intervalMs: 300 },
      { requestTimeoutMs: 800 },
    );
    const { error, elapsedMs } = await timed(client.refreshToken(`ghr_${"R".repeat(36)}`));
    expect(error).toMatchObject({ name: "TransportError", code: "REQUEST_TIMEOUT", host: server.host });
    expect((error as Error).message).toContain("POST /login/oauth/access_token");
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it("applies to serverTime", async () => {
    const { client } = await clientOf(
      { kind: "drip", status: 200, intervalMs: 300 },
      { requestTimeoutMs: 800 },
    );
    const { error, elapsedMs } = await timed(client.serverTime());
    expect(error).toMatchObject({ name: "TransportError", code: "REQUEST_TIMEOUT" });
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it("covers the wait for the headers as well", async () => {
    const { client } = await clientOf({ kind: "silent" }, { requestTimeoutMs: 500 });
    const { error, elapsedMs } = await timed(client.deleteToken(TOKEN));
    expect(error).toMatchObject({ name: "TransportError", code: "REQUEST_TIMEOUT" });
    expect(elapsedMs).toBeLessThan(2_500);
  });

  it("is 30 s by default, and refuses a value a timer cannot hold", () => {
    const base = { baseUrl: "http://127.0.0.1:1", clientId: "a", clientSecret: "b" };
    expect(() => new OAuthAppClient({ ...base, requestTimeoutMs: 2 ** 31 })).toThrow(/requestTimeoutMs/);
    expect(() => new OAuthAppClient({ ...base, totalTimeoutMs: -1 })).toThrow(/totalTimeoutMs/);
  });
});

describe("the whole-call deadline (totalTimeoutMs) bounds retries", () => {
  it("a server answering 503 after 300 ms each time: the call ends near totalTimeoutMs, not after all retries", async () => {
    const stub = await startStubServer(
      // biome-ignore lint/suspicious/noThenProperty: the stub server's delayed-answer shape, never awaited
      () => ({ delayMs: 300, then: { status: 503, body: "{}" } }),
    );
    const patient = new OAuthAppClient({
      baseUrl: stub.apiUrl,
      clientId: "Iv1.slow",
      clientSecret: SECRET,
      retry: { retries: 50, minDelayMs: 1, maxDelayMs: 5 },
      totalTimeoutMs: 1_200,
    });
    try {
      const { error, elapsedMs } = await timed(patient.checkToken(TOKEN));
      expect(error).toBeInstanceOf(Error);
      expect(elapsedMs).toBeLessThan(2_500);
      expect(stub.requests.length).toBeLessThanOrEqual(5);
    } finally {
      await patient.close();
      await stub.close();
    }
  });

  it("a dripping server under retries: every attempt shares the call's deadline", async () => {
    const { client } = await clientOf(
      { kind: "drip", status: 200, intervalMs: 300 },
      { requestTimeoutMs: 10_000, totalTimeoutMs: 900, retry: { retries: 5, minDelayMs: 1, maxDelayMs: 5 } },
    );
    const { error, elapsedMs } = await timed(client.checkToken(TOKEN));
    expect(error).toMatchObject({ code: "REQUEST_TIMEOUT" });
    expect((error as Error).message).toContain("900 ms (totalTimeoutMs)");
    expect(elapsedMs).toBeLessThan(2_500);
  });
});

describe("abort signals", () => {
  it("a per-call signal ends a dripping call", async () => {
    const { client } = await clientOf({ kind: "drip", status: 200, intervalMs: 300 }, {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    const { error, elapsedMs } = await timed(client.checkToken(TOKEN, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "TransportError", code: "ABORT_ERR" });
    expect(elapsedMs).toBeLessThan(2_000);
  });

  it("the client-wide signal ends every call, the grants' too", async () => {
    const controller = new AbortController();
    const { client } = await clientOf(
      { kind: "drip", status: 200, intervalMs: 300 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 400);
    const results = await Promise.all([
      timed(client.checkToken(TOKEN)),
      timed(client.createDeviceCode()),
      timed(client.serverTime()),
    ]);
    for (const { error, elapsedMs } of results) {
      expect(error).toMatchObject({ name: "TransportError", code: "ABORT_ERR" });
      expect(elapsedMs).toBeLessThan(2_000);
    }
    // Once aborted, later calls fail at once.
    const later = await timed(client.deleteToken(TOKEN));
    expect(later.error).toMatchObject({ code: "ABORT_ERR" });
  });
});

describe("device-flow polling", () => {
  it("ends as expired_token when a poll drips past the code's expiry", async () => {
    const { client } = await clientOf(
      { kind: "drip", status: 200, intervalMs: 300 },
      { requestTimeoutMs: 60_000 },
    );
    const { error, elapsedMs } = await timed(
      client.waitForDeviceAuthorization("dc-drip-device-code", { interval: 0.05, expiresIn: 1 }),
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: "expired_token" });
    expect(elapsedMs).toBeLessThan(2_500);
  });

  it("honours the caller's signal during a stalled poll", async () => {
    const { client } = await clientOf(
      { kind: "drip", status: 200, intervalMs: 300 },
      { requestTimeoutMs: 60_000 },
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const { error, elapsedMs } = await timed(
      client.waitForDeviceAuthorization("dc-drip-device-code", {
        interval: 0.05,
        expiresIn: 900,
        signal: controller.signal,
      }),
    );
    expect(error).toMatchObject({ name: "TransportError", code: "ABORT_ERR" });
    expect(elapsedMs).toBeLessThan(2_000);
  });
});
