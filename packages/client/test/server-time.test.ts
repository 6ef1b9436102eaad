import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OAuthAppClient } from "../dist/index.js";
import { CLIENT_WORLD } from "./support/fixtures.js";
import { startStubServer } from "./support/stub-server.js";

describe("serverTime", () => {
  let emulator: SeededEmulator;
  let client: OAuthAppClient;

  beforeAll(async () => {
    emulator = await startSeededEmulator({ world: CLIENT_WORLD });
    client = new OAuthAppClient(emulator.connection);
  });

  afterAll(async () => {
    await client?.close();
    await emulator?.close();
  });

  it("is the server's clock (the emulator's, moved 5 hours ahead), read from GET /meta", async () => {
    const { now } = await emulator.admin.advanceClock(5 * 3600);
    const time = await client.serverTime();
    expect(time).toBeInstanceOf(Date);
    // The Date header has whole seconds; the emulator's clock moves on between the two calls.
    expect(Math.abs((time?.getTime() ?? 0) - Date.parse(now))).toBeLessThan(60_000);
    expect((time?.getTime() ?? 0) - Date.now()).toBeGreaterThan(4.9 * 3600 * 1000);
    const calls = (await emulator.admin.requests()).filter((request) => request.path.endsWith("/meta"));
    expect(calls).toMatchObject([{ method: "GET", path: "/api/v3/meta", status: 200 }]);
  });

  it("sends no credentials, takes the Date of any status, and is undefined without one", async () => {
    const stub = await startStubServer((_request, index) =>
      index === 0
        ? { status: 404, headers: { date: "Wed, 02 Dec 2026 10:00:00 GMT" }, body: "{}" }
        : { status: 200, headers: { date: "not a date" }, body: "{}" },
    );
    const stubClient = new OAuthAppClient({
      baseUrl: stub.apiUrl,
      clientId: "Iv1.x",
      clientSecret: "s3cret",
    });
    try {
      expect((await stubClient.serverTime())?.toISOString()).toBe("2026-12-02T10:00:00.000Z");
      expect(await stubClient.serverTime()).toBeUndefined();
      expect(stub.requests.map((request) => [request.method, request.path])).toEqual([
        ["GET", "/api/v3/meta"],
        ["GET", "/api/v3/meta"],
      ]);
      for (const request of stub.requests) expect(request.headers.authorization).toBeUndefined();
    } finally {
      await stubClient.close();
      await stub.close();
    }
  });
});
