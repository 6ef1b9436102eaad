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
    expect(await emulator.control.setFaults({ status: 503, rate: 1 })).toEqual({
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
    await emulator.control.clearFaults();
    expect((await check()).status).toBe(200);
  });

  it("at rate 0 nothing fails; at 0.5 some do, as many as the request log records", async () => {
    await emulator.control.setFaults({ status: 500, rate: 0 });
    for (let i = 0; i < 10; i++) expect((await check()).status).toBe(200);
    await emulator.control.clearRequests();
    await emulator.control.setFaults({ status: 500, rate: 0.5, seed: 7 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await check()).status);
    const failed = statuses.filter((status) => status === 500).length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(40);
    expect(statuses.filter((status) => status !== 500).every((status) => status === 200)).toBe(true);
    const logged = (await emulator.control.requests()).map((entry) => entry.status);
    expect(logged).toEqual(statuses);
  });

  it("a seed replays the same faults for the same requests; each PUT starts over", async () => {
    const run = async (seed: number) => {
      await emulator.control.setFaults({ status: 503, rate: 0.5, resetRate: 0.2, seed });
      const outcomes: string[] = [];
      for (let i = 0; i < 30; i++) {
        outcomes.push(
          await check().then(
            (result) => String(result.status),
            () => "reset",
          ),
        );
      }
      return outcomes;
    };
    const first = await run(42);
    expect(new Set(first)).toEqual(new Set(["200", "503", "reset"]));
    expect(await run(42)).toEqual(first);
    expect(await run(43)).not.toEqual(first);
    expect((await emulator.control.setFaults({ status: 503, seed: 42 })).seed).toBe(42);
  });

  it.each([[-1], [1.5], [2 ** 32], ["42"]])("refuses seed %j with a 422 naming it", async (seed) => {
    const result = await emulator.admin("PUT", "/faults", { status: 503, seed });
    expect(result.errors?.[0]?.field ?? JSON.stringify(result)).toContain("seed");
  });

  it("restricts faults to paths containing `path`", async () => {
    await emulator.control.setFaults({ status: 500, path: "/token/scoped" });
    expect((await scope()).status).toBe(500);
    expect((await check()).status).toBe(200);
    await emulator.control.setFaults({ status: 502, path: "/api/v3/applications/" });
    expect((await check()).status).toBe(502);
  });

  it("restricts faults to paths matching the `pathPattern` glob and to `methods`", async () => {
    await emulator.control.setFaults({ status: 503, pathPattern: "**/token" });
    expect((await check()).status).toBe(503);
    expect((await scope()).status).not.toBe(503);
    await emulator.control.setFaults({ status: 503, pathPattern: "/api/v3/applications/*/token" });
    expect((await check()).status).toBe(503);
    expect((await scope()).status).not.toBe(503);
    // `*` stays within one segment; `**` crosses them.
    await emulator.control.setFaults({ status: 503, pathPattern: "/api/v3/*/token" });
    expect((await check()).status).toBe(200);
    await emulator.control.setFaults({ status: 503, pathPattern: "/api/v3/**/scoped" });
    expect((await scope()).status).toBe(503);
    expect((await check()).status).toBe(200);
    await emulator.control.setFaults({ status: 503, methods: ["DELETE"] });
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
    await emulator.control.setFaults({ status: 503, pathPattern: hostile });
    const longPath = `/${"a".repeat(12_000)}`;
    expect((await call("GET", `${emulator.apiUrl}${longPath}`)).status).toBe(404);
    expect((await call("GET", `${emulator.apiUrl}${longPath}b`)).status).toBe(503);
    expect((await emulator.admin("GET", "/faults", undefined, 200)).pathPattern).toBe(hostile);
    expect((await check()).status).toBe(200);
  });

  it("never touches the admin API", async () => {
    await emulator.control.setFaults({ status: 500, resetRate: 1, latencyMs: 500 });
    // Started first, the API call waits out the latency and is then reset; the admin call, started
    // second, must be answered first (and answered at all: neither 500 nor reset reaches it).
    const api = check().then(
      () => "api answered",
      () => "api reset",
    );
    const admin = emulator.control.liveTokens(app.client_id).then(() => "admin answered");
    expect(await Promise.race([api, admin])).toBe("admin answered");
    expect(await api).toBe("api reset");
    const log = await emulator.control.requests();
    expect(log.map((entry) => entry.path)).toEqual([`/api/v3/applications/${app.client_id}/token`]);
  });

  it("adds latency", async () => {
    await emulator.control.setFaults({ latencyMs: 300, path: "/token/scoped" });
    await emulator.control.clearRequests();
    // The delayed request is sent first and answered last; the log shows the wait it served.
    const order: string[] = [];
    const delayed = scope().then((result) => order.push(`scope ${result.status}`));
    const prompt = check().then((result) => order.push(`check ${result.status}`));
    await Promise.all([delayed, prompt]);
    expect(order).toEqual(["check 200", "scope 200"]);
    const log = await emulator.control.requests();
    const scoped = log.find((entry) => entry.path.endsWith("/token/scoped"));
    expect(scoped?.durationMs).toBeGreaterThanOrEqual(299);
  });

  it("resets connections (the socket is destroyed, no answer)", async () => {
    await emulator.control.setFaults({ resetRate: 1 });
    await expect(check()).rejects.toMatchObject({ code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/) });
    const log = await emulator.control.requests();
    expect(log.at(-1)).toMatchObject({ method: "POST", status: 0 });
    await emulator.control.clearFaults();
    expect((await check()).status).toBe(200);
  });

  it("429 and 403 look like GitHub's rate limits", async () => {
    for (const status of [429, 403]) {
      await emulator.control.setFaults({ status });
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
    await emulator.control.setFaults({ status: 422 });
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
