import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { OAuthAppClient, RateLimitError, ServerError, TransportError } from "../src/index.js";
import { authorizationBody, CLIENT_WORLD, scopedAuthorizationBody } from "./support/fixtures.js";
import { sha256Hex } from "./support/sha256.js";
import { closedPort, type StubServer, startStubServer } from "./support/stub-server.js";

let emulator: SeededEmulator;
let client: OAuthAppClient;
const FAST_RETRY = { retries: 2, minDelayMs: 5, maxDelayMs: 50 };

beforeAll(async () => {
  emulator = await startSeededEmulator({ world: CLIENT_WORLD });
  client = clientFor(emulator.apiUrl, FAST_RETRY);
});
afterAll(async () => {
  await client?.close();
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
  await emulator.admin.clearRequests();
});

function clientFor(
  baseUrl: string,
  retry: ConstructorParameters<typeof OAuthAppClient>[0]["retry"],
  timeoutMs?: number,
) {
  return new OAuthAppClient({
    baseUrl,
    clientId: emulator?.app.client_id ?? "Iv1.stub",
    clientSecret: emulator?.app.client_secret ?? "stub-secret",
    retry,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

async function apiRequests(pathPart: string) {
  return (await emulator.admin.requests()).filter((entry) => entry.path.includes(pathPart));
}

async function freshToken(): Promise<string> {
  const token = (await emulator.issueUserToken()).token;
  await emulator.admin.clearRequests();
  return token;
}

describe("idempotent calls retry", () => {
  it("a persistent 503: 1 + retries attempts, then ServerError", async () => {
    const token = await freshToken();
    await emulator.admin.setFaults({ status: 503, path: "/applications/" });
    await expect(client.checkToken(token)).rejects.toBeInstanceOf(ServerError);
    const attempts = await apiRequests("/applications/");
    expect(attempts.map((entry) => entry.status)).toEqual([503, 503, 503]);
  });

  it("an intermittent 503 (rate 0.6) is ridden out", async () => {
    const tolerant = clientFor(emulator.apiUrl, { retries: 20, minDelayMs: 1, maxDelayMs: 5 });
    const tokens = await Promise.all(
      Array.from({ length: 10 }, async () => (await emulator.issueUserToken()).token),
    );
    await emulator.admin.clearRequests();
    await emulator.admin.setFaults({ status: 503, rate: 0.6, path: "/applications/", seed: 11 });
    try {
      for (const token of tokens) expect((await tolerant.checkToken(token)).token).toBe(token);
    } finally {
      await tolerant.close();
    }
    const statuses = (await apiRequests("/applications/")).map((entry) => entry.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
  });

  it("connection resets (resetRate 0.5) are ridden out by deleteToken", async () => {
    const tolerant = clientFor(emulator.apiUrl, { retries: 20, minDelayMs: 1, maxDelayMs: 5 });
    const tokens = await Promise.all(
      Array.from({ length: 20 }, async () => (await emulator.issueUserToken()).token),
    );
    await emulator.admin.clearRequests();
    await emulator.admin.setFaults({ resetRate: 0.5, path: "/applications/", seed: 12 });
    const outcomes: string[] = [];
    try {
      for (const token of tokens) {
        // A reset after the server acted makes the retry see 404: the token is gone either way.
        outcomes.push(
          await tolerant.deleteToken(token).then(
            () => "deleted",
            (error: Error) => error.name,
          ),
        );
      }
    } finally {
      await tolerant.close();
    }
    expect(outcomes.every((outcome) => outcome === "deleted" || outcome === "NotFoundError")).toBe(true);
    const statuses = (await apiRequests("/applications/")).map((entry) => entry.status);
    expect(statuses.filter((status) => status === 0).length).toBeGreaterThan(0);
    await emulator.admin.clearFaults();
    const hashes = new Set(tokens.map(sha256Hex));
    const live = await emulator.admin.liveTokens(emulator.app.client_id);
    expect(live.filter((entry) => hashes.has(entry.hashed_token))).toEqual([]);
  });

  it("a persistent connection reset: 1 + retries attempts, then TransportError", async () => {
    const token = await freshToken();
    await emulator.admin.setFaults({ resetRate: 1, path: "/applications/" });
    const error = await client.checkAuthorization(token).catch((e) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(["ECONNRESET", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]).toContain((error as TransportError).code);
    expect(await apiRequests("/applications/")).toHaveLength(3);
  });
});

describe("minting calls never retry when the server may have acted", () => {
  const minting = [
    ["scopeToken", (token: string) => client.scopeToken({ accessToken: token, target: "octo-org" })],
    ["resetToken", (token: string) => client.resetToken(token)],
    ["resetAuthorization", (token: string) => client.resetAuthorization(token)],
  ] as const;

  it.each(minting)("%s with 503: exactly one request, ServerError", async (_name, call) => {
    const token = await freshToken();
    await emulator.admin.setFaults({ status: 503, path: "/applications/" });
    await expect(call(token)).rejects.toBeInstanceOf(ServerError);
    expect(await apiRequests("/applications/")).toHaveLength(1);
  });

  it.each(minting)("%s with a connection reset: exactly one request, TransportError", async (_name, call) => {
    const token = await freshToken();
    await emulator.admin.setFaults({ resetRate: 1, path: "/applications/" });
    await expect(call(token)).rejects.toBeInstanceOf(TransportError);
    expect(await apiRequests("/applications/")).toHaveLength(1);
  });

  it("scopeToken with a timeout: exactly one request, TransportError", async () => {
    // undici checks timeouts on a coarse (~0.5 s) timer, so the latency must exceed it clearly.
    const impatient = clientFor(emulator.apiUrl, FAST_RETRY, 200);
    const token = await freshToken();
    await emulator.admin.setFaults({ latencyMs: 2_500, path: "/token/scoped" });
    try {
      const error = await impatient.scopeToken({ accessToken: token, target: "octo-org" }).catch((e) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe("UND_ERR_HEADERS_TIMEOUT");
    } finally {
      await impatient.close();
    }
    await expect.poll(() => apiRequests("/token/scoped"), { timeout: 5_000 }).not.toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await apiRequests("/token/scoped")).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it("a 429 asking for longer than maxDelayMs is not retried", async () => {
    const token = await freshToken();
    await emulator.admin.setFaults({ status: 429, path: "/applications/" });
    const error = await client.checkToken(token).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).retryAfter).toBeGreaterThan(1);
    expect(await apiRequests("/applications/")).toHaveLength(1);
  });

  it("a 403 with x-ratelimit-remaining: 0 is a RateLimitError, also for scopeToken", async () => {
    const token = await freshToken();
    await emulator.admin.setFaults({ status: 403, path: "/applications/" });
    const error = await client.scopeToken({ accessToken: token, target: "octo-org" }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(403);
  });

  describe("small Retry-After values are honoured (scripted server)", () => {
    let stub: StubServer;
    afterEach(async () => {
      await stub?.close();
    });

    it.each([
      ["checkToken", 429, (c: OAuthAppClient) => c.checkToken("ghu_RetryAfterToken")],
      [
        "scopeToken",
        429,
        (c: OAuthAppClient) => c.scopeToken({ accessToken: "ghu_RetryAfterToken", target: "o" }),
      ],
      ["resetToken", 403, (c: OAuthAppClient) => c.resetToken("ghu_RetryAfterToken")],
    ] as const)("%s waits Retry-After: 1 after a %s, then succeeds", async (name, status, call) => {
      // The waits run on fake timers; the stub notes the (fake) clock at each arrival, so the gap between
      // the attempts is the wait the client chose, whatever the machine's speed.
      const arrivals: number[] = [];
      stub = await startStubServer((_request, index) => {
        arrivals.push(Date.now());
        return index === 0
          ? { status, headers: { "retry-after": "1" }, body: JSON.stringify({ message: "slow down" }) }
          : {
              status: 200,
              body: JSON.stringify(
                name === "scopeToken"
                  ? scopedAuthorizationBody("ghu_RetryAfterToken", "Iv1.stub")
                  : authorizationBody("ghu_RetryAfterToken", "Iv1.stub"),
              ),
            };
      });
      const stubClient = clientFor(stub.apiUrl, { retries: 3, minDelayMs: 1, maxDelayMs: 2_000 });
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
      try {
        let settled = false;
        const result = call(stubClient).finally(() => {
          settled = true;
        });
        // Moves the clock in 50 ms steps, letting the sockets work in between, until the call settles.
        for (let step = 0; !settled && step < 200; step++) {
          await new Promise((resolve) => setImmediate(resolve));
          await vi.advanceTimersByTimeAsync(50);
        }
        await result;
      } finally {
        vi.useRealTimers();
        await stubClient.close();
      }
      expect(stub.requests).toHaveLength(2);
      expect((arrivals[1] as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(1_000);
    });
  });
});

describe("connection refused (nothing was sent)", () => {
  it("scopeToken retries it and succeeds once the server is up", async () => {
    const port = await closedPort();
    let stub: StubServer | undefined;
    const starting = new Promise<void>((resolve) => {
      setTimeout(async () => {
        stub = await startStubServer(
          () => ({ status: 200, body: JSON.stringify(scopedAuthorizationBody("ghu_Scoped", "Iv1.stub")) }),
          port,
        );
        resolve();
      }, 150);
    });
    const retrying = clientFor(`http://127.0.0.1:${port}/api/v3`, {
      retries: 8,
      minDelayMs: 100,
      maxDelayMs: 200,
    });
    try {
      const scoped = await retrying.scopeToken({ accessToken: "ghu_Original", target: "octo-org" });
      expect(scoped.token).toBe("ghu_Scoped");
      expect(stub?.requests).toHaveLength(1);
    } finally {
      await starting;
      await retrying.close();
      await stub?.close();
    }
  });

  it("gives up after the retries with TransportError ECONNREFUSED", async () => {
    const refused = clientFor(`http://127.0.0.1:${await closedPort()}`, FAST_RETRY);
    try {
      const error = await refused.checkToken("ghu_x").catch((e) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe("ECONNREFUSED");
    } finally {
      await refused.close();
    }
  });
});

describe("abort signal", () => {
  it("interrupts a backoff sleep", async () => {
    const patient = clientFor(emulator.apiUrl, { retries: 3, minDelayMs: 10_000, maxDelayMs: 10_000 });
    const token = await freshToken();
    await emulator.admin.setFaults({ status: 503, path: "/applications/" });
    // The 10 s backoff runs on a fake clock that never moves: only the abort (a real 200 ms timeout
    // signal) can end the wait, so the call settles only if the abort interrupts the sleep.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const error = await patient.checkToken(token, { signal: AbortSignal.timeout(200) }).catch((e) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe("TIMEOUT_ERR");
    } finally {
      vi.useRealTimers();
      await patient.close();
    }
    expect(await apiRequests("/applications/")).toHaveLength(1);
  });

  it("aborts a request in flight", async () => {
    const token = await freshToken();
    await emulator.admin.setFaults({ latencyMs: 2_000, path: "/applications/" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await client.checkToken(token, { signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("ABORT_ERR");
  });

  it("an already aborted signal sends nothing", async () => {
    const token = await freshToken();
    const error = await client.checkToken(token, { signal: AbortSignal.abort() }).catch((e) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(await apiRequests("/applications/")).toHaveLength(0);
  });
});
