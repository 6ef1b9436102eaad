import { connect } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call } from "./support/http.js";
import { type App, standardWorld, TestEmulator } from "./support/world.js";

let emulator: TestEmulator;
let app: App;
let token: string;

beforeEach(async () => {
  emulator = await TestEmulator.start();
  ({ app, token } = await standardWorld(emulator));
});

afterEach(() => emulator.close());

const tokenPath = () => `/applications/${app.client_id}/token`;

async function stillServes() {
  const result = await emulator.api("POST", tokenPath(), app, { json: { access_token: token } });
  expect(result.status).toBe(200);
}

describe("bad input gets GitHub-style errors, never a crash or a hang", () => {
  it("malformed JSON: 400 Problems parsing JSON", async () => {
    for (const raw of ["{", '{"access_token":', "nul", "\u0000"]) {
      const result = await emulator.api("POST", tokenPath(), app, {
        raw,
        headers: { "content-type": "application/json" },
      });
      expect(result.status, raw).toBe(400);
      expect(result.body).toEqual({
        message: "Problems parsing JSON",
        documentation_url: expect.any(String),
      });
    }
    await stillServes();
  });

  it("JSON that is not an object: 400", async () => {
    for (const raw of ["[]", '"ghu_x"', "42", "null"]) {
      const result = await emulator.api("POST", tokenPath(), app, { raw });
      expect(result.status, raw).toBe(400);
      expect(result.body.message).toEqual(expect.any(String));
    }
    await stillServes();
  });

  it("parses the body whatever the content type says, as GitHub does", async () => {
    const raw = JSON.stringify({ access_token: token });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/octet-stream"]) {
      const result = await emulator.api("POST", tokenPath(), app, { raw, headers: { "content-type": type } });
      expect(result.status, type).toBe(200);
    }
    const noType = await emulator.api("POST", tokenPath(), app, { raw });
    expect(noType.status).toBe(200);
  });

  it("an empty body is an empty object: 422 missing access_token", async () => {
    const result = await emulator.api("POST", tokenPath(), app, { raw: "" });
    expect(result.status).toBe(422);
    expect(result.body.errors[0]).toMatchObject({ field: "access_token", code: "missing_field" });
  });

  it("oversized bodies: 413, and the server keeps serving", async () => {
    const raw = JSON.stringify({ access_token: token, padding: "x".repeat(70 * 1024) });
    const result = await emulator.api("POST", tokenPath(), app, { raw });
    expect(result.status).toBe(413);
    expect(result.body).toEqual({ message: "Payload too large", documentation_url: expect.any(String) });
    await stillServes();
  });

  it("unknown routes: 404 Not Found", async () => {
    for (const path of ["/", "/nope", "/applications", `/applications/${app.client_id}`, "/users/octocat"]) {
      const result = await emulator.api("GET", path, app);
      expect(result.status, path).toBe(404);
      expect(result.body).toEqual({ message: "Not Found", documentation_url: expect.any(String) });
    }
    const admin = await call("GET", `${emulator.url}/_emulator/nope`);
    expect(admin.status).toBe(404);
  });

  it("wrong methods: 404 Not Found, like GitHub", async () => {
    for (const method of ["GET", "PUT"]) {
      const result = await emulator.api(method, tokenPath(), app, { json: { access_token: token } });
      expect(result.status, method).toBe(404);
      expect(result.body.message).toBe("Not Found");
    }
    expect(
      (await emulator.api("PATCH", `/applications/${app.client_id}/grant`, app, { json: {} })).status,
    ).toBe(404);
    expect((await emulator.api("PUT", `/applications/${app.client_id}/tokens/${token}`, app)).status).toBe(
      404,
    );
    await stillServes();
  });

  it("odd Authorization headers: 401, never a crash", async () => {
    for (const authorization of [
      "Basic",
      "Basic !!!",
      "Bearer abc",
      `Basic ${btoa("no-colon")}`,
      "token x",
    ]) {
      const result = await emulator.api("POST", tokenPath(), undefined, {
        json: { access_token: token },
        headers: { authorization },
      });
      expect(result.status, authorization).toBe(401);
    }
    await stillServes();
  });

  it("malformed percent-encoding in the path: 404", async () => {
    const result = await emulator.api("GET", `/applications/${app.client_id}/tokens/%E0%A4%A`, app);
    expect(result.status).toBe(404);
    await stillServes();
  });

  it("a client that sends half a request and disappears does not hurt", async () => {
    const { port } = new URL(emulator.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(`POST /api/v3${tokenPath()} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"acc`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on("error", reject);
    });
    const garbage = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString();
      });
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    await stillServes();
  });
});
