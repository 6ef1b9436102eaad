import { afterEach, describe, expect, it } from "vitest";
import { CliProcess } from "./support/cli-process.js";
import { OAuthApp, type ParamStyle } from "./support/oauth.js";
import { standardWorld, TestEmulator } from "./support/world.js";

let running: CliProcess | undefined;

afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

/**
 * Runs every OAuth grant, successful and failing, with parameters in every style (query strings
 * included), and returns every secret value that was sent or received.
 */
async function exerciseGrants(oauth: OAuthApp): Promise<string[]> {
  const { app } = oauth;
  const secrets = [app.client_secret];
  const keep = (...values: (string | undefined)[]) => {
    for (const value of values) if (value) secrets.push(value);
  };
  for (const style of ["json", "form", "query"] as ParamStyle[]) {
    const options = { style };
    const grant = await oauth.grant("octocat");
    keep(grant.token, grant.refresh_token);
    const refreshed = await oauth.token(
      { client_secret: app.client_secret, grant_type: "refresh_token", refresh_token: grant.refresh_token },
      options,
    );
    keep(refreshed.fields.access_token, refreshed.fields.refresh_token);
    // Reuse, and a missing secret: errors.
    await oauth.token(
      { client_secret: app.client_secret, grant_type: "refresh_token", refresh_token: grant.refresh_token },
      options,
    );
    await oauth.token(
      { grant_type: "refresh_token", refresh_token: refreshed.fields.refresh_token },
      options,
    );

    const code = await oauth.webFlowCode("octocat", "https://app.example/callback");
    keep(code);
    await oauth.token(
      { client_secret: app.client_secret, code, redirect_uri: "https://evil.example/" },
      options,
    );
    const exchanged = await oauth.token({ client_secret: app.client_secret, code }, options);
    keep(exchanged.fields.access_token, exchanged.fields.refresh_token);
    await oauth.token({ client_secret: app.client_secret, code }, options);

    const device = (await oauth.deviceCode({}, options)).fields;
    keep(device.device_code);
    const poll = () =>
      oauth.token(
        { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: device.device_code },
        options,
      );
    await poll();
    await poll(); // slow_down
    await oauth.approve(device.user_code, "octocat");
    await oauth.emulator.control.advanceClock(20);
    const polled = await poll();
    keep(polled.fields.access_token, polled.fields.refresh_token);
    await poll(); // used up
    await oauth.token({ client_secret: "not-the-secret-but-secret-shaped", code: "a".repeat(20) }, options);
    keep("not-the-secret-but-secret-shaped");
  }
  // Per style: 2 admin-issued, 2 refreshed, a code and its 2 tokens, a device code and its 2 tokens, a wrong secret.
  expect(secrets.length).toBe(1 + 3 * 11);
  return secrets;
}

describe("OAuth secrets never reach the access log or the request log", () => {
  it("in the programmatic log and GET /_emulator/requests", async () => {
    const lines: string[] = [];
    const emulator = await TestEmulator.start({ log: (line) => lines.push(line) });
    try {
      const { app } = await standardWorld(emulator);
      const secrets = await exerciseGrants(new OAuthApp(emulator, app));
      const requestLog = await emulator.control.requests();
      const oauthEntries = requestLog.filter((entry: { path: string }) => entry.path.startsWith("/login/"));
      expect(oauthEntries.length).toBeGreaterThanOrEqual(3 * 11);
      const logText = lines.join("\n");
      const requestLogText = JSON.stringify(requestLog);
      for (const secret of secrets) {
        expect(logText).not.toContain(secret);
        expect(requestLogText).not.toContain(secret);
      }
      expect(logText).not.toMatch(/gh[ur]_[A-Za-z0-9]{8}/);
    } finally {
      await emulator.close();
    }
  });

  it("in the bin's output", async () => {
    running = await CliProcess.start([]);
    const cli = running;
    const emulator = TestEmulator.attach(cli.url, cli.apiUrl);
    const { app } = await standardWorld(emulator);
    const secrets = await exerciseGrants(new OAuthApp(emulator, app));
    await cli.stop("SIGTERM");
    const output = cli.stdout + cli.stderr;
    expect(cli.stderr).toContain("POST /login/oauth/access_token 200");
    for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
