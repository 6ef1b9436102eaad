import { afterEach, describe, expect, it } from "vitest";
import { OAuthAppClient, ResponseShapeError, ResponseTooLargeError } from "../src/index.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";

const MiB = 1024 * 1024;
const TOKEN = `ghu_${"S".repeat(36)}`;

let server: HostileServer | undefined;
let client: OAuthAppClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function floodedClient(
  status: number,
  announceLength: boolean,
  options: { maxResponseBytes?: number } = {},
) {
  server = await startHostileServer({ kind: "flood", status, bytes: 200 * MiB, announceLength });
  client = new OAuthAppClient({
    baseUrl: server.apiUrl,
    clientId: "Iv1.flood",
    clientSecret: "flood-secret",
    retry: false,
    ...options,
  });
  return client;
}

type Call = [name: string, (client: OAuthAppClient) => Promise<unknown>];
const CALLS: Call[] = [
  ["checkToken (API route)", (c) => c.checkToken(TOKEN)],
  ["checkAuthorization (token in the path)", (c) => c.checkAuthorization(TOKEN)],
  ["refreshToken (/login/oauth/access_token)", (c) => c.refreshToken(`ghr_${"R".repeat(36)}`)],
  ["createDeviceCode (/login/device/code)", (c) => c.createDeviceCode()],
];

describe("a 200 MiB response body", () => {
  for (const [name, call] of CALLS) {
    for (const announceLength of [false, true]) {
      it(`${name}, ${announceLength ? "announced in content-length" : "chunked"}: refused at 1 MiB, fast, without buffering`, async () => {
        const target = await floodedClient(200, announceLength);
        const before = memoryInUse();
        const started = performance.now();
        const error = await call(target).catch((caught: unknown) => caught);
        const elapsedMs = performance.now() - started;
        const grownBytes = memoryInUse() - before;

        expect(error).toBeInstanceOf(ResponseTooLargeError);
        expect(error).toBeInstanceOf(ResponseShapeError);
        expect(error).toMatchObject({ status: 200, requestId: "FLOOD:1", limitBytes: MiB });
        expect((error as Error).message).toMatch(/larger than the client's limit of 1048576 bytes/);
        expect((error as Error).message).not.toContain(TOKEN);
        expect(elapsedMs).toBeLessThan(5_000);
        expect(grownBytes).toBeLessThan(16 * MiB);
        // The client closed the connection: the server could not push the 200 MiB.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(server?.bytesSent()).toBeLessThan(50 * MiB);
      });
    }
  }

  it("an error status (500) with a 200 MiB body is refused the same way, and not retried", async () => {
    server = await startHostileServer({
      kind: "flood",
      status: 500,
      bytes: 200 * MiB,
      announceLength: false,
    });
    client = new OAuthAppClient({
      baseUrl: server.apiUrl,
      clientId: "Iv1.flood",
      clientSecret: "flood-secret",
      retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 },
    });
    const before = memoryInUse();
    const error = await client.deleteToken(TOKEN).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 500, requestId: "FLOOD:1" });
    expect(memoryInUse() - before).toBeLessThan(16 * MiB);
    expect(server.requests()).toHaveLength(1);
  });

  it("maxResponseBytes sets the limit", async () => {
    const target = await floodedClient(200, true, { maxResponseBytes: 4096 });
    const error = await target.checkToken(TOKEN).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ResponseTooLargeError", limitBytes: 4096 });
  });

  it("serverTime reads no more than a small part of a 200 MiB /meta body", async () => {
    const target = await floodedClient(200, false);
    const before = memoryInUse();
    const started = performance.now();
    await target.serverTime();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(memoryInUse() - before).toBeLessThan(16 * MiB);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server?.bytesSent()).toBeLessThan(50 * MiB);
  });

  it("refuses an invalid maxResponseBytes", () => {
    expect(
      () =>
        new OAuthAppClient({
          baseUrl: "http://127.0.0.1:1",
          clientId: "a",
          clientSecret: "b",
          maxResponseBytes: 0,
        }),
    ).toThrow(/maxResponseBytes: must be a positive whole number/);
  });
});
