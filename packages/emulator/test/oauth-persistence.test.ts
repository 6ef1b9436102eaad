import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { CliProcess } from "./support/cli-process.js";
import { OAuthApp } from "./support/oauth.js";
import { type App, TestEmulator } from "./support/world.js";

const directory = mkdtempSync(join(tmpdir(), "ghes-oauth-emulator-oauth-"));
let running: CliProcess | undefined;

afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function dataFileText(dataFile: string): string {
  let text = readFileSync(dataFile).toString("latin1");
  for (const suffix of ["-wal", "-shm"]) {
    try {
      text += readFileSync(`${dataFile}${suffix}`).toString("latin1");
    } catch {
      // not there
    }
  }
  return text;
}

describe("--data-file: refresh tokens survive kill -9, stored only as sha256", () => {
  it("rotates after a restart; a token redeemed before the restart stays redeemed", async () => {
    const dataFile = join(directory, "refresh.db");
    running = await CliProcess.start(["--data-file", dataFile, "--quiet"]);
    let emulator = TestEmulator.attach(running.url, running.apiUrl);
    await emulator.account("octocat");
    const app: App = await emulator.app("persist");
    let oauth = new OAuthApp(emulator, app);
    const first = await oauth.grant("octocat");
    const second = (await oauth.refresh(first.refresh_token)).fields;
    const deviceGrant = async () => {
      const device = (await oauth.deviceCode()).fields;
      await oauth.approve(device.user_code, "octocat");
      return (await oauth.pollDevice(device.device_code)).fields;
    };
    const device = await deviceGrant();
    const forever = await emulator.control.createApp({ name: "forever", expiringUserTokens: false });
    const foreverToken = (await new OAuthApp(emulator, forever).grant("octocat")).token;
    expect(await running.stop("SIGKILL")).toBe("SIGKILL");

    const stored = dataFileText(dataFile);
    for (const value of [
      first.refresh_token,
      second.refresh_token,
      device.refresh_token,
      second.access_token,
    ]) {
      expect(stored).not.toContain(value);
    }
    expect(stored).toContain(createHash("sha256").update(second.refresh_token).digest("hex"));

    running = await CliProcess.start(["--data-file", dataFile, "--quiet"]);
    emulator = TestEmulator.attach(running.url, running.apiUrl);
    oauth = new OAuthApp(emulator, app);
    expect((await oauth.refresh(first.refresh_token)).fields.error).toBe("bad_refresh_token");
    const third = (await oauth.refresh(second.refresh_token)).fields;
    expect(third.access_token).toMatch(/^ghu_/);
    expect(await oauth.check(second.access_token)).toBe(404);
    expect(await oauth.check(third.access_token)).toBe(200);
    // A device-flow refresh token still needs no client secret after the restart.
    expect((await oauth.refresh(device.refresh_token, {})).fields.access_token).toMatch(/^ghu_/);
    const foreverCheck = await emulator.api("POST", `/applications/${forever.client_id}/token`, forever, {
      json: { access_token: foreverToken },
    });
    expect(foreverCheck.body.expires_at).toBeNull();
    expect((await emulator.control.createApp({ name: "after" })).expiring_user_tokens).toBe(true);
  });
});

describe("a data file written by the previous schema (version 1)", () => {
  it("opens with its tokens intact, its apps expiring (GitHub's default) and tokens that may never expire", async () => {
    const dataFile = join(directory, "v1.db");
    const clientSecret = "0123456789abcdef0123456789abcdef01234567";
    const token = `ghu_${"A".repeat(36)}`;
    const sha = (value: string) => createHash("sha256").update(value).digest("hex");
    const db = new DatabaseSync(dataFile);
    const now = Date.now();
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema_version', '1');
      CREATE TABLE accounts (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        type TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE repositories (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL COLLATE NOCASE, UNIQUE (account_id, name));
      CREATE TABLE apps (id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL,
        client_id TEXT NOT NULL UNIQUE, secret_hash TEXT NOT NULL, permissions TEXT NOT NULL,
        created_at INTEGER NOT NULL);
      CREATE TABLE installations (id INTEGER PRIMARY KEY, app_id INTEGER NOT NULL REFERENCES apps(id),
        account_id INTEGER NOT NULL REFERENCES accounts(id), permissions TEXT NOT NULL,
        repository_selection TEXT NOT NULL, repository_ids TEXT NOT NULL, created_at INTEGER NOT NULL,
        UNIQUE (app_id, account_id));
      CREATE TABLE tokens (id INTEGER PRIMARY KEY, app_id INTEGER NOT NULL REFERENCES apps(id),
        user_id INTEGER NOT NULL REFERENCES accounts(id), hashed_token TEXT NOT NULL UNIQUE,
        last_eight TEXT NOT NULL, note TEXT, note_url TEXT, fingerprint TEXT, created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, scope TEXT);
      CREATE INDEX tokens_by_app_user ON tokens (app_id, user_id);
    `);
    db.prepare("INSERT INTO accounts VALUES (1, 'octocat', 'User', ?)").run(now);
    db.prepare("INSERT INTO apps VALUES (1, 'old', 'old', 'Iv1.0123456789abcdef', ?, '{}', ?)").run(
      sha(clientSecret),
      now,
    );
    db.prepare("INSERT INTO tokens VALUES (7, 1, 1, ?, ?, NULL, NULL, NULL, ?, ?, ?, NULL)").run(
      sha(token),
      token.slice(-8),
      now,
      now,
      now + 3600_000,
    );
    db.close();

    const emulator = await TestEmulator.start({ dataFile });
    try {
      const app = { client_id: "Iv1.0123456789abcdef", client_secret: clientSecret } as App;
      const oauth = new OAuthApp(emulator, app);
      expect(await oauth.check(token)).toBe(200);
      const issued = await oauth.grant("octocat");
      expect(issued.refresh_token).toMatch(/^ghr_/);
      expect((await oauth.refresh(issued.refresh_token)).fields.access_token).toMatch(/^ghu_/);
      const forever = await emulator.control.createApp({ name: "forever", expiringUserTokens: false });
      expect((await new OAuthApp(emulator, forever).grant("octocat")).expires_at).toBeNull();
    } finally {
      await emulator.close();
    }
    const reopened = await TestEmulator.start({ dataFile });
    try {
      const live = await reopened.control.liveTokens("Iv1.0123456789abcdef");
      expect(live.map((t: { id: number; kind: string }) => [t.kind, t.id])).toContainEqual(["access", 7]);
    } finally {
      await reopened.close();
    }
  });
});
