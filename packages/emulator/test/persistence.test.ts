import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { CliProcess } from "./support/cli-process.js";
import { call } from "./support/http.js";

const directory = mkdtempSync(join(tmpdir(), "ghes-oauth-emulator-"));
let running: CliProcess | undefined;

afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function admin(cli: CliProcess, method: string, path: string, json?: unknown) {
  const result = await call(method, `${cli.url}/_emulator${path}`, json === undefined ? {} : { json });
  expect(result.status, result.text).toBeLessThan(300);
  return result.body;
}

describe("--data-file: state survives kill -9", () => {
  it("keeps accounts, apps, installations, tokens, revocations and the clock offset", async () => {
    const dataFile = join(directory, "state.db");
    running = await CliProcess.start(["--data-file", dataFile, "--quiet"]);
    let cli = running;
    await admin(cli, "POST", "/accounts", { login: "octocat" });
    await admin(cli, "POST", "/accounts", { login: "acme", type: "Organization", repositories: ["api"] });
    const app = await admin(cli, "POST", "/apps", { name: "persist", permissions: { contents: "write" } });
    await admin(cli, "POST", "/installations", { client_id: app.client_id, account: "acme" });
    const keep = (await admin(cli, "POST", "/tokens", { client_id: app.client_id, login: "octocat" })).token;
    const revoke = (await admin(cli, "POST", "/tokens", { client_id: app.client_id, login: "octocat" }))
      .token;
    const auth = [app.client_id, app.client_secret] as const;
    const api = (c: CliProcess, method: string, path: string, json: unknown) =>
      call(method, `${c.apiUrl}/applications/${app.client_id}${path}`, { auth, json });

    expect((await api(cli, "DELETE", "/token", { access_token: revoke })).status).toBe(204);
    const scoped = await api(cli, "POST", "/token/scoped", {
      access_token: keep,
      target: "acme",
      permissions: { contents: "read" },
    });
    expect(scoped.status).toBe(200);
    const reset = await api(cli, "PATCH", "/token", { access_token: keep });
    expect(reset.status).toBe(200);
    const fresh = reset.body.token;
    await admin(cli, "POST", "/clock", { advanceSeconds: 3600 });

    // The last write was acknowledged; now the process dies without any chance to flush.
    expect(await cli.stop("SIGKILL")).toBe("SIGKILL");

    running = await CliProcess.start(["--data-file", dataFile, "--quiet"]);
    cli = running;
    const checked = await api(cli, "POST", "/token", { access_token: fresh });
    expect(checked.status).toBe(200);
    expect(checked.body.user.login).toBe("octocat");
    expect((await api(cli, "POST", "/token", { access_token: keep })).status).toBe(404);
    expect((await api(cli, "POST", "/token", { access_token: revoke })).status).toBe(404);
    const scopedAgain = await api(cli, "POST", "/token", { access_token: scoped.body.token });
    expect(scopedAgain.status).toBe(200);
    expect(scopedAgain.body.installation.permissions).toEqual({ contents: "read" });

    // The clock kept its offset: tokens issued before the hour moved expire 7 hours on, not 8.
    await admin(cli, "POST", "/clock", { advanceSeconds: 7 * 3600 - 30 });
    expect((await api(cli, "POST", "/token", { access_token: scoped.body.token })).status).toBe(200);
    const clock = await admin(cli, "POST", "/clock", { advanceSeconds: 60 });
    expect(clock.offsetSeconds).toBe(8 * 3600 + 30);
    expect((await api(cli, "POST", "/token", { access_token: scoped.body.token })).status).toBe(404);
    expect((await api(cli, "POST", "/token", { access_token: fresh })).status).toBe(404);
  });

  it("a fresh data file starts empty; in-memory state does not outlive the process", async () => {
    running = await CliProcess.start(["--quiet"]);
    await admin(running, "POST", "/accounts", { login: "octocat" });
    await running.stop("SIGKILL");
    running = await CliProcess.start(["--quiet", "--data-file", join(directory, "other.db")]);
    const duplicate = await call("POST", `${running.url}/_emulator/accounts`, { json: { login: "octocat" } });
    expect(duplicate.status).toBe(201);
  });
});
