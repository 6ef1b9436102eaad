import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/run-cli.js";

// A hostile server (a tiny loopback server, since the emulator refuses such data) whose every text
// carries terminal control sequences: OSC window title, screen clear, a one-byte C1 CSI, a bidi
// override and a forged line. Human output must show them escaped, never raw.
const HOSTILE = "evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eroot\r\nFAKE ROW";
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CLIENT_ID = "Iv1.hostile";
const TOKEN = `ghu_${"a".repeat(36)}`;

function authorization(token: string) {
  const user = { login: HOSTILE, id: 1, node_id: "U_1", type: "User", site_admin: false };
  return {
    id: 1,
    url: "https://github.example.com/api/v3/authorizations/1",
    scopes: [],
    token,
    token_last_eight: token.slice(-8),
    hashed_token: createHash("sha256").update(token).digest("hex"),
    app: { url: "https://example.com", name: HOSTILE, client_id: CLIENT_ID },
    note: null,
    note_url: null,
    updated_at: "2026-01-01T00:00:00Z",
    created_at: "2026-01-01T00:00:00Z",
    fingerprint: null,
    expires_at: "2026-01-01T08:00:00Z",
    user,
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function answer(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? "";
  if (path === "/login/oauth/access_token") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (new URLSearchParams(body).has("device_code")) {
        send(res, 200, { error: `weird${HOSTILE}`, error_description: HOSTILE });
      } else {
        send(res, 200, {
          error: "bad_verification_code",
          error_description: "The code passed is incorrect.",
        });
      }
    });
    return;
  }
  if (path === "/login/device/code") {
    send(res, 200, {
      device_code: "d".repeat(40),
      user_code: `WDJB${HOSTILE}`,
      verification_uri: `https://github.example.com/login/device${HOSTILE}`,
      expires_in: 900,
      interval: 1,
    });
    return;
  }
  req.resume();
  req.on("end", () => {
    if (req.method === "POST" && path.endsWith("/token")) send(res, 200, authorization(TOKEN));
    else if (req.method === "PATCH" && path.endsWith("/token"))
      send(res, 200, authorization(`ghu_${"b".repeat(36)}`));
    else
      send(res, 422, {
        message: HOSTILE,
        documentation_url: "https://docs.github.com",
        errors: [{ code: HOSTILE }],
      });
  });
}

let server: Server;
let env: Record<string, string>;

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  env = {
    GHES_OAUTH_BASE_URL: `http://127.0.0.1:${port}/api/v3`,
    GHES_OAUTH_CLIENT_ID: CLIENT_ID,
    GHES_OAUTH_CLIENT_SECRET: "hostile-test-secret",
  };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function expectNoRawControls(result: { stdout: string; stderr: string }) {
  for (const text of [result.stdout, result.stderr]) {
    const found = RAW.exec(text);
    expect(
      found,
      `raw control character U+${found?.[0]?.charCodeAt(0).toString(16)} reached the terminal`,
    ).toBeNull();
  }
  // The text was shown, escaped.
  expect(`${result.stdout}${result.stderr}`).toContain("\\x1b]0;pwned\\x07");
}

describe("server text reaches the terminal escaped (human output)", () => {
  it("check: the table's user and the rows stay intact", async () => {
    const result = await runCli(["check"], { env, input: TOKEN });
    expectNoRawControls(result);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(2);
  });

  it("reset: the new token's description", async () => {
    const result = await runCli(["reset"], { env, input: TOKEN });
    expectNoRawControls(result);
  });

  it("revoke: the server's error message for a failed token", async () => {
    const result = await runCli(["revoke"], { env, input: TOKEN });
    expect(result.code).toBe(1);
    expectNoRawControls(result);
  });

  it("revoke-grant: the server's error message", async () => {
    const result = await runCli(["revoke-grant"], { env, input: TOKEN });
    expect(result.code).toBe(1);
    expectNoRawControls(result);
  });

  it("login: the device-flow address and code, and the server's OAuth error", async () => {
    const result = await runCli(["login"], { env });
    expect(result.code).toBe(1);
    expectNoRawControls(result);
    expect(result.stderr).toContain("Open https://github.example.com/login/device");
  });
});
