import { connect } from "node:net";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliProcess } from "./support/cli-process.js";
import { call } from "./support/http.js";
import { type App, standardWorld, TestEmulator } from "./support/world.js";

const KiB = 1024;
const MiB = 1024 * KiB;

let emulator: TestEmulator;
let app: App;
let token: string;
let logLines: string[];

beforeEach(async () => {
  logLines = [];
  emulator = await TestEmulator.start({ log: (line) => logLines.push(line) });
  ({ app, token } = await standardWorld(emulator));
});

afterEach(() => emulator.close());

const tokenUrl = () => `${emulator.apiUrl}/applications/${app.client_id}/token`;
const auth = () => [app.client_id, app.client_secret] as const;

/** A JSON body of `size` bytes: a valid check-token request padded out. */
function paddedBody(size: number): Buffer {
  const head = `{"access_token":"${token}","padding":"`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(size - head.length - 2, "x"), Buffer.from('"}')]);
}

/** A body of `size` bytes sent chunked (a stream of unknown length), 64 KiB at a time. */
function chunkedBody(size: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const chunk = Buffer.alloc(Math.min(64 * KiB, size - sent), "x");
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

function expect413(result: { status: number; body: unknown; headers: Record<string, unknown> }) {
  expect(result.status).toBe(413);
  expect(result.body).toEqual({ message: "Payload too large", documentation_url: expect.any(String) });
  expect(result.headers["x-github-request-id"]).toEqual(expect.any(String));
}

async function stillServes() {
  const result = await call("POST", tokenUrl(), { auth: auth(), json: { access_token: token } });
  expect(result.status).toBe(200);
}

/** Sends `head` (and `then`, if given) on a raw socket; resolves with all the server sent back. */
function rawExchange(head: string, then?: (write: (data: string | Buffer) => void) => void): Promise<string> {
  const { port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(head);
      then?.((data) => socket.write(data));
    });
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

describe("oversized bodies get GitHub's 413, whatever their size, and a clean close", () => {
  it("65 KiB, 17 MiB, 100 MiB with Content-Length and 65 KiB, 17 MiB chunked: a 413 each, logged as 413", async () => {
    const cases = [
      { name: "65 KiB", body: () => paddedBody(65 * KiB) },
      { name: "17 MiB", body: () => paddedBody(17 * MiB) },
      { name: "100 MiB", body: () => Buffer.alloc(100 * MiB, "x") },
      { name: "17 MiB chunked", body: () => chunkedBody(17 * MiB) },
      { name: "65 KiB chunked", body: () => chunkedBody(65 * KiB) },
    ];
    const outcomes: string[] = [];
    for (const { name, body } of cases) {
      try {
        const result = await call("POST", tokenUrl(), { auth: auth(), raw: body() });
        expect413(result);
        outcomes.push(`${name}: ${result.status} connection ${result.headers.connection}`);
      } catch (error) {
        outcomes.push(`${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      await stillServes();
    }
    expect(outcomes).toEqual(cases.map(({ name }) => `${name}: 413 connection close`));
    const requests = await emulator.control.requests();
    expect(requests.filter((entry: { status: number }) => entry.status === 413)).toHaveLength(cases.length);
    expect(requests.filter((entry: { status: number }) => entry.status === 0)).toEqual([]);
    expect(logLines.filter((line) => / 413 /.test(line))).toHaveLength(cases.length);
  });

  it("just under the limit is still read and answered", async () => {
    const result = await call("POST", tokenUrl(), { auth: auth(), raw: paddedBody(64 * KiB) });
    expect(result.status).toBe(200);
  });

  it("the 413 comes before the body: a declared 10 GiB is refused without waiting for a byte of it", async () => {
    const path = `/api/v3/applications/${app.client_id}/token`;
    const answer = await rawExchange(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${10 * 1024 * MiB}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('"message":"Payload too large"');
  });

  it("a chunked body is cut off at the limit: the 413 comes while the upload is unfinished", async () => {
    const path = `/api/v3/applications/${app.client_id}/token`;
    const chunk = `${(70 * KiB).toString(16)}\r\n${"x".repeat(70 * KiB)}\r\n`;
    // The final zero-length chunk is never sent: the server must answer without it.
    const answer = await rawExchange(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nAuthorization: Basic ${btoa(`${app.client_id}:${app.client_secret}`)}\r\n\r\n`,
      (write) => write(chunk),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"message":"Payload too large"');
  });

  it("Expect: 100-continue with an oversized Content-Length gets the 413 instead of 100 Continue", async () => {
    const answer = await rawExchange(
      `POST /api/v3/applications/${app.client_id}/token HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: ${MiB}\r\n\r\n`,
    );
    expect(answer).not.toContain("100 Continue");
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("the admin API answers 413 the same way", async () => {
    const result = await call("POST", `${emulator.url}/_emulator/accounts`, {
      raw: Buffer.alloc(17 * MiB, "x"),
    });
    expect413(result);
  });
});

describe("the bin's log is honest about oversized bodies", () => {
  let running: CliProcess | undefined;

  afterEach(async () => {
    await running?.stop("SIGKILL");
    running = undefined;
  });

  it("one 413 line per oversized request, no internal error, no reset", async () => {
    running = await CliProcess.start([]);
    const url = `${running.apiUrl}/applications/Iv1.0000000000000000/token`;
    for (const raw of [Buffer.alloc(65 * KiB, "x"), Buffer.alloc(17 * MiB, "x"), chunkedBody(17 * MiB)]) {
      const result = await call("POST", url, { raw });
      expect(result.status).toBe(413);
    }
    await running.stop("SIGTERM");
    const lines = running.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^POST \/api\/v3\/applications\/Iv1\.0+\/token 413 /);
    expect(running.stderr).not.toMatch(/internal error|RESET/);
  });
});
