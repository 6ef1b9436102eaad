import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../dist/index.js";
import { issueTokens, type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { ndjson, runCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

// GitHub answers 404 to a wrong client secret exactly as to a revoked token: every command that would
// read a 404 as "gone" or "invalid" proves the credentials first, as real processes against the emulator.
const MISTYPED = "0badc0ffee0badc0ffee0badc0ffee0badc0ffee";

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-proof-"));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const mistyped = () => ({ ...emulator.env, GHES_OAUTH_CLIENT_SECRET: MISTYPED });
const isLive = async (token: string) =>
  (await emulator.liveAccessTokens()).some((row) => row.hashed_token === fingerprint(token).hashed_token);

describe("revoke with a mistyped client secret", () => {
  it("stops before any revocation (exit 1), journals nothing, and the rerun with the right secret revokes all 5", async () => {
    const tokens = await issueTokens(emulator, 5);
    const journal = join(dir, "incident.journal");
    const input = tokens.join("\n");

    const wrong = await runCli(["revoke", "--journal", journal], { env: mistyped(), input });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).not.toMatch(/already gone 5/);
    expect(wrong.stderr).toMatch(/incorrect_client_credentials/);
    expect(wrong.stderr).toContain(emulator.clientId);
    expect(wrong.stderr).toContain("Nothing was done");
    for (const token of tokens) expect(await isLive(token)).toBe(true);
    const journalled = await readFile(journal, "utf8").catch(() => "");
    expect(journalled).not.toMatch(/already_gone/);

    const right = await runCli(["revoke", "--json", "--journal", journal], { env: emulator.env, input });
    expect(right.code).toBe(0);
    expect(ndjson(right.stdout).map((record) => record.result)).toEqual(Array(5).fill("revoked"));
    for (const token of tokens) expect(await isLive(token)).toBe(false);
    expectNoSecrets(
      [wrong.stdout, wrong.stderr, right.stdout, right.stderr, await readFile(journal, "utf8")],
      [...tokens, MISTYPED, emulator.clientSecret],
    );
  });

  it("check and revoke-grant stop too instead of calling tokens invalid or already gone", async () => {
    const [token] = await issueTokens(emulator, 1);
    const check = await runCli(["check", "--json"], { env: mistyped(), input: token });
    expect(check.code).toBe(1);
    expect(check.stdout).not.toMatch(/invalid/);
    expect(check.stderr).toMatch(/incorrect_client_credentials/);
    const grant = await runCli(["revoke-grant"], { env: mistyped(), input: token });
    expect(grant.code).toBe(1);
    expect(grant.stdout).not.toMatch(/already gone/);
    expect(grant.stderr).toMatch(/incorrect_client_credentials/);
    expect(await isLive(token as string)).toBe(true);
    expectNoSecrets([check.stdout, check.stderr, grant.stdout, grant.stderr], [token as string, MISTYPED]);
  });

  it("a web host that cannot be reached proves nothing: exit 1 before any revocation", async () => {
    const [token] = await issueTokens(emulator, 1);
    const result = await runCli(["revoke"], {
      env: { ...emulator.env, GHES_OAUTH_BASE_URL: "http://127.0.0.1:9/api/v3" },
      input: token,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not verify the client credentials/);
    expect(await isLive(token as string)).toBe(true);
  });
});

describe("the journal header records the credentials", () => {
  it("holds the base URL, client ID and a salted HMAC of the secret, never the secret", async () => {
    const [token] = await issueTokens(emulator, 1);
    const journal = join(dir, "header.journal");
    expect((await runCli(["revoke", "--journal", journal], { env: emulator.env, input: token })).code).toBe(
      0,
    );
    const header = JSON.parse((await readFile(journal, "utf8")).split("\n")[0] as string);
    expect(header).toEqual({
      ghes_oauth_revoke_journal: 2,
      base_url: emulator.apiUrl,
      client_id: emulator.clientId,
      secret_salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      secret_hmac_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(header)).not.toContain(emulator.clientSecret);
    expect((await stat(journal)).size).toBeGreaterThan(0);
  });

  it("a rerun with another app's client ID, or a rotated secret, refuses the journal naming the mismatch (exit 2)", async () => {
    const other = await emulator.admin.createApp({ name: "Other responder" });
    const [token] = await issueTokens(emulator, 1);
    const journal = join(dir, "mismatch.journal");
    await runCli(["revoke", "--journal", journal], {
      env: {
        ...emulator.env,
        GHES_OAUTH_CLIENT_ID: other.client_id,
        GHES_OAUTH_CLIENT_SECRET: other.client_secret,
      },
      input: "ghu_000000000000000000000000000000000000",
    });
    const otherId = await runCli(["revoke", "--journal", journal], { env: emulator.env, input: token });
    expect(otherId.code).toBe(2);
    expect(otherId.stderr).toContain(
      `written for client ID ${other.client_id}, this run uses ${emulator.clientId}`,
    );

    const rotated = await emulator.admin.rotateClientSecret(other.client_id);
    const otherSecret = await runCli(["revoke", "--journal", journal], {
      env: {
        ...emulator.env,
        GHES_OAUTH_CLIENT_ID: other.client_id,
        GHES_OAUTH_CLIENT_SECRET: rotated.client_secret,
      },
      input: token,
    });
    expect(otherSecret.code).toBe(2);
    expect(otherSecret.stderr).toMatch(/written with another client secret/);
    expect(await isLive(token as string)).toBe(true);
    expectNoSecrets([otherId.stderr, otherSecret.stderr], [other.client_secret, rotated.client_secret]);
  });

  it("an earlier (version 1) journal's 'already gone' outcomes are tried again; its 'revoked' ones are kept", async () => {
    const [revoked, heardGone] = await issueTokens(emulator, 2);
    const journal = join(dir, "v1.journal");
    const entry = (token: string, result: string) =>
      JSON.stringify({ hashed_token: fingerprint(token).hashed_token, result, at: new Date().toISOString() });
    await writeFile(
      journal,
      `{"ghes_oauth_revoke_journal":1}\n${entry(revoked as string, "revoked")}\n${entry(heardGone as string, "already_gone")}\n`,
    );
    const result = await runCli(["revoke", "--json", "--journal", journal], {
      env: emulator.env,
      input: `${revoked}\n${heardGone}\n`,
    });
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toEqual([
      { line: 1, ...fingerprint(revoked as string), result: "revoked", from_journal: true },
      { line: 2, ...fingerprint(heardGone as string), result: "revoked" },
    ]);
  });
});

describe("nothing revoked and every token answered 404", () => {
  it("exits 1 with what that can mean", async () => {
    const tokens = await issueTokens(emulator, 3);
    await runCli(["revoke"], { env: emulator.env, input: tokens.join("\n") });
    const again = await runCli(["revoke"], { env: emulator.env, input: tokens.join("\n") });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("revoked 0, already gone 3, failed 0\n");
    expect(again.stderr).toMatch(/nothing was revoked: every token answered 404/);
    expect(again.stderr).toMatch(/another app \(another client ID\) issued them/);
  });
});
