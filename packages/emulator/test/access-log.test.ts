import { afterEach, describe, expect, it } from "vitest";
import { CliProcess } from "./support/cli-process.js";
import { call } from "./support/http.js";
import { TestEmulator } from "./support/world.js";

let running: CliProcess | undefined;

afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

/** Exercises every endpoint, success and failure, and returns every secret value that was in play. */
async function exerciseEverything(origin: string, apiUrl: string): Promise<string[]> {
  const admin = async (method: string, path: string, json?: unknown) =>
    (await call(method, `${origin}/_emulator${path}`, json === undefined ? {} : { json })).body;
  await admin("POST", "/accounts", { login: "octocat" });
  await admin("POST", "/accounts", { login: "acme", type: "Organization", repositories: ["api"] });
  const app = await admin("POST", "/apps", { name: "leaky" });
  await admin("POST", "/installations", { client_id: app.client_id, account: "acme" });
  const tokens: string[] = [];
  const issue = async () => {
    const token = (await admin("POST", "/tokens", { client_id: app.client_id, login: "octocat" })).token;
    tokens.push(token);
    return token;
  };
  const auth = [app.client_id, app.client_secret] as const;
  const base = `${apiUrl}/applications/${app.client_id}`;
  const first = await issue();
  await call("POST", `${base}/token`, { auth, json: { access_token: first } });
  await call("POST", `${base}/token`, { json: { access_token: first } });
  await call("POST", `${base}/token`, {
    auth: [app.client_id, "wrong-secret"],
    json: { access_token: first },
  });
  await call("POST", `${base}/token`, { auth, raw: `{"access_token":"${first}` });
  const scoped = await call("POST", `${base}/token/scoped`, {
    auth,
    json: { access_token: first, target: "acme" },
  });
  tokens.push(scoped.body.token);
  await call("POST", `${base}/token/scoped`, {
    auth,
    json: { access_token: scoped.body.token, target: "acme" },
  });
  const reset = await call("PATCH", `${base}/token`, { auth, json: { access_token: first } });
  tokens.push(reset.body.token);
  await call("GET", `${base}/tokens/${reset.body.token}`, { auth });
  await call("GET", `${base}/tokens/${first}`, { auth });
  const pathReset = await call("POST", `${base}/tokens/${reset.body.token}`, { auth });
  tokens.push(pathReset.body.token);
  await call("DELETE", `${base}/tokens/${pathReset.body.token}`, { auth });
  await call("DELETE", `${base}/grants/${await issue()}`, { auth });
  await call("DELETE", `${base}/token`, { auth, json: { access_token: await issue() } });
  await call("DELETE", `${base}/grant`, { auth, json: { access_token: await issue() } });
  await call("GET", `${apiUrl}/unknown/${await issue()}`, { auth });
  await call("GET", `${origin}/_emulator/tokens?client_id=${app.client_id}`);
  return [
    ...tokens,
    app.client_secret,
    Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64"),
  ];
}

describe("the access log never contains a token or secret", () => {
  it("in the bin's output", async () => {
    running = await CliProcess.start([]);
    const secrets = await exerciseEverything(running.url, running.apiUrl);
    await running.stop("SIGTERM");
    const output = running.stdout + running.stderr;
    const lines = running.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(20);
    for (const line of lines) expect(line).toMatch(/^[A-Z]+ \/\S* (\d{3}|RESET) \d+\.\dms [0-9A-F:]+$/);
    expect(running.stderr).toContain("/tokens/REDACTED");
    expect(running.stderr).toContain("/grants/REDACTED");
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/ghu_[A-Za-z0-9]{8}/);
  });

  it("in the programmatic log and the request log", async () => {
    const lines: string[] = [];
    const emulator = await TestEmulator.start({ log: (line) => lines.push(line) });
    try {
      const secrets = await exerciseEverything(emulator.url, emulator.apiUrl);
      const requestLog = JSON.stringify(await emulator.control.requests());
      expect(lines.length).toBeGreaterThanOrEqual(20);
      for (const secret of secrets) {
        expect(lines.join("\n")).not.toContain(secret);
        expect(requestLog).not.toContain(secret);
      }
    } finally {
      await emulator.close();
    }
  });
});
