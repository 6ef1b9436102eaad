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

const check = () =>
  emulator.api("POST", `/applications/${app.client_id}/token`, app, { json: { access_token: token } });
const scope = () =>
  emulator.api("POST", `/applications/${app.client_id}/token/scoped`, app, {
    json: { access_token: token, target: "acme" },
  });

describe("fault injection: PUT/DELETE /_emulator/faults", () => {
  it("answers every request with the status at rate 1, until cleared", async () => {
    expect(await emulator.admin("PUT", "/faults", { status: 503, rate: 1 }, 200)).toEqual({
      status: 503,
      rate: 1,
    });
    expect(await emulator.admin("GET", "/faults", undefined, 200)).toEqual({ status: 503, rate: 1 });
    for (let i = 0; i < 5; i++) {
      const result = await check();
      expect(result.status).toBe(503);
      expect(result.body).toEqual({ message: "Server Error", documentation_url: expect.any(String) });
      expect(result.headers["x-github-request-id"]).toEqual(expect.any(String));
    }
    await emulator.admin("DELETE", "/faults", undefined, 204);
    expect((await check()).status).toBe(200);
  });

  it("at rate 0 nothing fails; at 0.5 some do", async () => {
    await emulator.admin("PUT", "/faults", { status: 500, rate: 0 }, 200);
    for (let i = 0; i < 10; i++) expect((await check()).status).toBe(200);
    await emulator.admin("PUT", "/faults", { status: 500, rate: 0.5 }, 200);
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) statuses.add((await check()).status);
    expect([...statuses].sort()).toEqual([200, 500]);
  });

  it("restricts faults to paths containing `path`", async () => {
    await emulator.admin("PUT", "/faults", { status: 500, path: "/token/scoped" }, 200);
    expect((await scope()).status).toBe(500);
    expect((await check()).status).toBe(200);
    await emulator.admin("PUT", "/faults", { status: 502, path: "/api/v3/applications/" }, 200);
    expect((await check()).status).toBe(502);
  });

  it("restricts faults to paths matching the `pathPattern` glob and to `methods`", async () => {
    await emulator.admin("PUT", "/faults", { status: 503, pathPattern: "**/token" }, 200);
    expect((await check()).status).toBe(503);
    expect((await scope()).status).not.toBe(503);
    await emulator.admin("PUT", "/faults", { status: 503, pathPattern: "/api/v3/applications/*/token" }, 200);
    expect((await check()).status).toBe(503);
    expect((await scope()).status).not.toBe(503);
    // `*` stays within one segment; `**` crosses them.
    await emulator.admin("PUT", "/faults", { status: 503, pathPattern: "/api/v3/*/token" }, 200);
    expect((await check()).status).toBe(200);
    await emulator.admin("PUT", "/faults", { status: 503, pathPattern: "/api/v3/**/scoped" }, 200);
    expect((await scope()).status).toBe(503);
    expect((await check()).status).toBe(200);
    await emulator.admin("PUT", "/faults", { status: 503, methods: ["DELETE"] }, 200);
    expect((await check()).status).toBe(200);
  });

  it("refuses regular expressions in `pathPattern` (they could backtrack catastrophically) with a 422", async () => {
    const refused = [
      "^/(a+)+b$",
      "/token$",
      "(",
      "/(a|aa)*b",
      "/a{1,30}b",
      "/[a-z]+",
      "\\d",
      "/a?",
      "***",
      "token",
    ];
    for (const pathPattern of refused) {
      const result = await emulator.admin("PUT", "/faults", { status: 503, pathPattern });
      expect(result, pathPattern).toMatchObject({
        message: "Validation Failed",
        errors: [{ resource: "Fault", field: "pathPattern", code: "invalid", message: expect.any(String) }],
      });
    }
    const regex = await emulator.admin("PUT", "/faults", { status: 503, pathPattern: "^/(a+)+b$" });
    expect(regex.errors[0].message).toContain("not a regular expression");
    expect(await emulator.admin("GET", "/faults", undefined, 200)).toEqual({});
  });

  it("a glob built to make a backtracking matcher blow up still leaves long paths answered", async () => {
    // The glob counterpart of (a+)+b: every `**` can take any share of the a's. A backtracking matcher
    // tries exponentially many splits of a long run of a's; the automaton takes one pass.
    const hostile = `/${"**a".repeat(40)}**b`;
    await emulator.admin("PUT", "/faults", { status: 503, pathPattern: hostile }, 200);
    const longPath = `/${"a".repeat(12_000)}`;
    expect((await call("GET", `${emulator.apiUrl}${longPath}`)).status).toBe(404);
    expect((await call("GET", `${emulator.apiUrl}${longPath}b`)).status).toBe(503);
    expect((await emulator.admin("GET", "/faults", undefined, 200)).pathPattern).toBe(hostile);
    expect((await check()).status).toBe(200);
  });

  it("never touches the admin API", async () => {
    await emulator.admin("PUT", "/faults", { status: 500, resetRate: 1, latencyMs: 2000 }, 200);
    const started = Date.now();
    await emulator.admin("GET", `/tokens?client_id=${app.client_id}`, undefined, 200);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("adds latency", async () => {
    await emulator.admin("PUT", "/faults", { latencyMs: 300 }, 200);
    const started = performance.now();
    const result = await check();
    expect(result.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("resets connections (the socket is destroyed, no answer)", async () => {
    await emulator.admin("PUT", "/faults", { resetRate: 1 }, 200);
    await expect(check()).rejects.toMatchObject({ code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/) });
    const log = await emulator.admin("GET", "/requests", undefined, 200);
    expect(log.at(-1)).toMatchObject({ method: "POST", status: 0 });
    await emulator.admin("DELETE", "/faults", undefined, 204);
    expect((await check()).status).toBe(200);
  });

  it("429 and 403 look like GitHub's rate limits", async () => {
    for (const status of [429, 403]) {
      await emulator.admin("PUT", "/faults", { status }, 200);
      const result = await check();
      expect(result.status).toBe(status);
      expect(result.headers["retry-after"]).toBe("60");
      expect(result.headers["x-ratelimit-limit"]).toBe("5000");
      expect(result.headers["x-ratelimit-remaining"]).toBe("0");
      expect(result.headers["x-ratelimit-used"]).toBe("5000");
      expect(result.headers["x-ratelimit-resource"]).toBe("core");
      const reset = Number(result.headers["x-ratelimit-reset"]);
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(result.body.message).toMatch(/rate limit/);
      expect(result.body.documentation_url).toMatch(/rate-limit/);
    }
  });

  it("422 is GitHub's 'endpoint has been spammed' validation error", async () => {
    await emulator.admin("PUT", "/faults", { status: 422 }, 200);
    const result = await check();
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({
      message: "Validation Failed",
      documentation_url: expect.any(String),
      errors: [{ code: "custom", message: expect.stringMatching(/spammed/) }],
    });
  });

  it("rejects invalid fault configurations with 422", async () => {
    for (const body of [{ status: 200 }, { rate: 2 }, { resetRate: -1 }, { latencyMs: "1" }, { typo: 1 }]) {
      const result = await emulator.admin("PUT", "/faults", body);
      expect(result.message, JSON.stringify(body)).toBe("Validation Failed");
    }
  });
});
