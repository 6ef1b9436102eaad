import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type DevicePollState,
  OAuthAppClient,
  OAuthError,
  TransportError,
  type UserTokenGrant,
} from "../src/index.js";
import { expiringGrantBody, oauthErrorBody } from "./support/oauth-fixtures.js";
import { type StubAnswer, type StubServer, startStubServer } from "./support/stub-server.js";

/**
 * The waits run on fake timers; the polls are real HTTP to a loopback stub that notes the (fake)
 * clock at each arrival. The test moves the clock only while the client sleeps (after onPending),
 * so the arrival times are exactly the client's schedule.
 */
const START = Date.parse("2026-01-01T00:00:00Z");

interface Harness {
  stub: StubServer;
  client: OAuthAppClient;
  /** Fake-clock seconds since START at which each poll arrived. */
  arrivals: number[];
  states: DevicePollState[];
  /** Resolves when the client reports a pending poll (and is about to sleep). */
  nextPending(): Promise<DevicePollState>;
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.useRealTimers();
  while (cleanup.length > 0) await cleanup.pop()?.();
});

async function harness(script: (index: number) => StubAnswer): Promise<Harness> {
  const arrivals: number[] = [];
  const stub = await startStubServer((_request, index) => {
    arrivals.push((Date.now() - START) / 1000);
    return script(index);
  });
  const client = new OAuthAppClient({
    baseUrl: stub.apiUrl,
    clientId: "Iv1.device",
    clientSecret: "device-secret",
    retry: false,
  });
  cleanup.push(
    () => stub.close(),
    () => client.close(),
  );
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: START });
  const states: DevicePollState[] = [];
  const waiting: Array<(state: DevicePollState) => void> = [];
  const queued: DevicePollState[] = [];
  return {
    stub,
    client,
    arrivals,
    states,
    nextPending: () =>
      new Promise((resolve) => {
        const state = queued.shift();
        if (state) resolve(state);
        else waiting.push(resolve);
      }),
    ...{
      onPending(state: DevicePollState) {
        states.push(state);
        const resolve = waiting.shift();
        if (resolve) resolve(state);
        else queued.push(state);
      },
    },
  } as Harness & { onPending(state: DevicePollState): void };
}

const json = (body: unknown): StubAnswer => ({ status: 200, body: JSON.stringify(body) });
const pending = () => json(oauthErrorBody("authorization_pending"));

/** Starts the wait, then for each expected pending poll moves the clock by the interval reported. */
async function run(
  h: Harness,
  options: { interval: number; expiresIn: number; signal?: AbortSignal },
  pendingPolls: number,
): Promise<UserTokenGrant | unknown> {
  const onPending = (h as Harness & { onPending(state: DevicePollState): void }).onPending;
  const result = h.client.waitForDeviceAuthorization("dc-secret", { ...options, onPending }).then(
    (grant) => grant,
    (error: unknown) => ({ rejected: error }),
  );
  await vi.advanceTimersByTimeAsync(options.interval * 1000);
  for (let poll = 0; poll < pendingPolls; poll++) {
    const state = await h.nextPending();
    await vi.advanceTimersByTimeAsync(state.interval * 1000);
  }
  return result;
}

describe("waitForDeviceAuthorization (fake timers, no real sleeps)", () => {
  it("polls every interval while pending, reports each pending poll, resolves with the grant", async () => {
    const h = await harness((index) =>
      index < 3 ? pending() : json(expiringGrantBody("ghu_Device", "ghr_Device")),
    );
    const grant = (await run(h, { interval: 5, expiresIn: 900 }, 3)) as UserTokenGrant;
    expect(grant.access_token).toBe("ghu_Device");
    expect(grant.expires_at).toBe("2026-01-01T08:00:20.000Z");
    expect(h.arrivals).toEqual([5, 10, 15, 20]);
    expect(h.states).toEqual([
      { attempt: 1, interval: 5 },
      { attempt: 2, interval: 5 },
      { attempt: 3, interval: 5 },
    ]);
  });

  it("slow_down: uses the server's interval from then on", async () => {
    const h = await harness((index) =>
      index === 0
        ? json(oauthErrorBody("slow_down", { interval: 12 }))
        : index < 3
          ? pending()
          : json(expiringGrantBody("ghu_Device", "ghr_Device")),
    );
    await run(h, { interval: 5, expiresIn: 900 }, 3);
    expect(h.arrivals).toEqual([5, 17, 29, 41]);
    expect(h.states.map((state) => state.interval)).toEqual([12, 12, 12]);
  });

  it("slow_down without an interval adds 5 seconds, each time", async () => {
    const h = await harness((index) =>
      index < 2 ? json(oauthErrorBody("slow_down")) : json(expiringGrantBody("ghu_Device", "ghr_Device")),
    );
    await run(h, { interval: 5, expiresIn: 900 }, 2);
    expect(h.arrivals).toEqual([5, 15, 30]);
  });

  it("gives up at expiresIn with OAuthError expired_token, without polling past it", async () => {
    const h = await harness(() => pending());
    const outcome = (await run(h, { interval: 5, expiresIn: 20 }, 3)) as { rejected: unknown };
    expect(outcome.rejected).toBeInstanceOf(OAuthError);
    expect(outcome.rejected).toMatchObject({ code: "expired_token", status: 0 });
    expect(h.arrivals).toEqual([5, 10, 15]);
  });

  it("a final wait shorter than the interval ends at the deadline", async () => {
    const h = await harness(() => pending());
    const onPending = (h as Harness & { onPending(state: DevicePollState): void }).onPending;
    const result = h.client
      .waitForDeviceAuthorization("dc-secret", { interval: 5, expiresIn: 7, onPending })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5_000);
    await h.nextPending();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await result).toMatchObject({ code: "expired_token" });
    expect(h.arrivals).toEqual([5]);
  });

  it.each(["access_denied", "expired_token", "incorrect_device_code", "device_flow_disabled"])(
    "stops at once on %s",
    async (code) => {
      const h = await harness(() => json(oauthErrorBody(code)));
      const outcome = (await run(h, { interval: 5, expiresIn: 900 }, 0)) as { rejected: unknown };
      expect(outcome.rejected).toBeInstanceOf(OAuthError);
      expect((outcome.rejected as OAuthError).code).toBe(code);
      expect(h.arrivals).toEqual([5]);
    },
  );

  it("an abort during a wait rejects with TransportError ABORT_ERR and polls no more", async () => {
    const h = await harness(() => pending());
    const controller = new AbortController();
    const onPending = (h as Harness & { onPending(state: DevicePollState): void }).onPending;
    const result = h.client
      .waitForDeviceAuthorization("dc-secret", {
        interval: 5,
        expiresIn: 900,
        signal: controller.signal,
        onPending,
      })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5_000);
    await h.nextPending();
    await vi.advanceTimersByTimeAsync(2_000);
    controller.abort();
    const error = await result;
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("ABORT_ERR");
    expect((error as TransportError).route).toBe("/login/oauth/access_token");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.arrivals).toEqual([5]);
  });

  it("a timeout signal reports TIMEOUT_ERR", async () => {
    const h = await harness(() => pending());
    const controller = new AbortController();
    const result = h.client
      .waitForDeviceAuthorization("dc-secret", { interval: 5, expiresIn: 900, signal: controller.signal })
      .catch((error: unknown) => error);
    controller.abort(new DOMException("timed out", "TimeoutError"));
    expect(await result).toMatchObject({ name: "TransportError", code: "TIMEOUT_ERR" });
    expect(h.arrivals).toEqual([]);
  });
});
