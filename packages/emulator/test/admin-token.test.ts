import { afterEach, describe, expect, it } from "vitest";
import { bannerLines } from "../src/banner.js";
import type { RunningEmulator } from "../src/server.js";
import { startEmulator } from "../src/server.js";
import { type EmulatorProcess, seedWorld, startEmulatorProcess } from "../src/testing.js";
import { call } from "./support/http.js";

const GIVEN_TOKEN = "given-admin-token-0123456789";
let running: EmulatorProcess | undefined;
let inProcess: RunningEmulator | undefined;
afterEach(async () => {
  running?.stop();
  await inProcess?.close();
  running = inProcess = undefined;
});

function adminCall(url: string, token?: string) {
  return call("POST", `${new URL(url).origin}/_emulator/accounts`, {
    json: { login: `user${Math.floor(Math.random() * 1e9)}` },
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

describe("the bin on 0.0.0.0", () => {
  it("generates an admin token, prints it once with the real listening address, and refuses admin calls without it", async () => {
    running = await startEmulatorProcess(["--host", "0.0.0.0"]);
    const { apiUrl, adminToken, banner } = running;
    const port = new URL(apiUrl).port;
    expect(apiUrl).toBe(`http://127.0.0.1:${port}/api/v3`);
    expect(banner.join("\n")).toContain(`listening on http://0.0.0.0:${port}/api/v3 (every interface)`);
    expect(adminToken).toMatch(/^emu_admin_[A-Za-z0-9_-]{32}$/);
    expect(banner.filter((line) => line.includes(adminToken as string))).toHaveLength(1);

    for (const token of [undefined, "wrong-token-0123456789", `${adminToken}x`]) {
      const refused = await adminCall(apiUrl, token);
      expect(refused.status).toBe(401);
      expect(refused.headers["www-authenticate"]).toContain("Bearer");
      expect(refused.text).not.toContain(adminToken);
    }
    expect((await call("GET", `${apiUrl.replace("/api/v3", "")}/_emulator/tokens?client_id=x`)).status).toBe(
      401,
    );
    expect((await adminCall(apiUrl, adminToken)).status).toBe(201);
    // The token API itself is GitHub's, untouched by the admin token.
    expect((await call("GET", `${apiUrl}/meta`)).status).toBe(200);
    // The testing helpers send it: a whole world can be seeded through the returned admin client.
    const world = await seedWorld(running.admin);
    expect(world.app.client_id).toBeTruthy();
  });

  it("takes the token from GHES_OAUTH_EMULATOR_ADMIN_TOKEN and does not print it", async () => {
    running = await startEmulatorProcess(["--host", "0.0.0.0"], { adminToken: GIVEN_TOKEN });
    expect(running.banner.join("\n")).not.toContain(GIVEN_TOKEN);
    expect(running.banner.join("\n")).toContain("admin API: requires the admin token given");
    expect((await adminCall(running.apiUrl)).status).toBe(401);
    expect((await adminCall(running.apiUrl, GIVEN_TOKEN)).status).toBe(201);
  });
});

describe("startEmulator", () => {
  it("on loopback keeps the admin API open, and says so (adminToken undefined)", async () => {
    inProcess = await startEmulator({ host: "127.0.0.1" });
    expect(inProcess.adminToken).toBeUndefined();
    expect(inProcess.listenUrl).toBe(inProcess.url);
    expect((await adminCall(inProcess.url)).status).toBe(201);
  });

  it("on loopback with an adminToken given requires it", async () => {
    inProcess = await startEmulator({ host: "127.0.0.1", adminToken: GIVEN_TOKEN });
    expect(inProcess.adminToken).toBe(GIVEN_TOKEN);
    expect((await adminCall(inProcess.url)).status).toBe(401);
    expect((await adminCall(inProcess.url, GIVEN_TOKEN)).status).toBe(201);
  });

  it("on 0.0.0.0 generates one and exposes it, with the real listening address", async () => {
    inProcess = await startEmulator({ host: "0.0.0.0" });
    expect(inProcess.adminToken).toMatch(/^emu_admin_/);
    expect(inProcess.listenUrl).toBe(`http://0.0.0.0:${inProcess.port}`);
    expect(inProcess.apiUrl).toBe(`http://127.0.0.1:${inProcess.port}/api/v3`);
    expect((await adminCall(inProcess.url)).status).toBe(401);
    expect((await adminCall(inProcess.url, inProcess.adminToken)).status).toBe(201);
  });

  it("refuses a short admin token", async () => {
    await expect(startEmulator({ adminToken: "short" })).rejects.toThrow(/at least 16 printable characters/);
  });
});

describe("the start-up banner", () => {
  it("prints an IPv6 wildcard bind in brackets", () => {
    const lines = bannerLines(
      {
        apiUrl: "http://[::1]:8080/api/v3",
        url: "http://[::1]:8080",
        listenUrl: "http://[::]:8080",
        port: 8080,
        apiVersion: "ghes-3.19",
        adminToken: "emu_admin_generated-token-value",
        close: async () => {},
      },
      false,
      57,
    );
    expect(lines).toEqual([
      "http://[::1]:8080/api/v3",
      "listening on http://[::]:8080/api/v3 (every interface): from this machine use http://[::1]:8080/api/v3, from others http://<this machine's address>:8080/api/v3",
      expect.stringMatching(/^admin token: emu_admin_generated-token-value \(generated for this run/),
      "API version ghes-3.19: 57 scoped-token permissions",
    ]);
  });
});
