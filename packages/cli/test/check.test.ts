import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../dist/index.js";
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { ndjson, runCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-check-"));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function scopedToken(parent: string): Promise<string> {
  const client = new OAuthAppClient({
    baseUrl: emulator.apiUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  });
  try {
    const scoped = await client.scopeToken({
      accessToken: parent,
      target: "octo-org",
      repositories: ["api"],
      permissions: { contents: "read" },
    });
    return scoped.token;
  } finally {
    await client.close();
  }
}

describe("check", () => {
  it("describes every token from stdin as NDJSON: valid, invalid, scoped; skips blanks and comments; reports malformed lines by number", async () => {
    const live = await emulator.newToken("octocat");
    const other = await emulator.newToken("hubot");
    const revoked = await emulator.newToken();
    const scoped = await scopedToken(live);
    await runCli(["revoke"], { env: emulator.env, input: `${revoked}\n` });
    const input = [
      "# found by the secret scanner",
      live,
      "",
      "not a token at all",
      other,
      revoked,
      `  ${scoped}  `,
      "ghu_!!",
    ].join("\n");

    const result = await runCli(["check", "--json"], { env: emulator.env, input });

    expect(result.code).toBe(0);
    const records = ndjson(result.stdout).sort((a, b) => (a.line as number) - (b.line as number));
    expect(records.map((record) => [record.line, record.status])).toEqual([
      [2, "valid"],
      [4, "malformed"],
      [5, "valid"],
      [6, "invalid"],
      [7, "valid"],
      [8, "malformed"],
    ]);
    expect(records[0]).toEqual({
      line: 2,
      ...fingerprint(live),
      status: "valid",
      user: "octocat",
      expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      scoped: false,
      repository_selection: null,
      permissions: null,
    });
    expect(records[2]).toMatchObject({ user: "hubot", scoped: false });
    expect(records[3]).toEqual({
      line: 6,
      ...fingerprint(revoked),
      status: "invalid",
      user: null,
      expires_at: null,
      scoped: false,
      repository_selection: null,
      permissions: null,
    });
    expect(records[4]).toMatchObject({
      ...fingerprint(scoped),
      user: "octocat",
      scoped: true,
      repository_selection: "selected",
      permissions: { contents: "read" },
    });
    expect(records[1]).toEqual({
      line: 4,
      status: "malformed",
      error: "contains whitespace; put one token per line",
    });
    expect(result.stderr).toMatch(/line 4: contains whitespace/);
    expect(result.stderr).toMatch(/line 8: contains characters a GitHub token never has/);
    expectNoSecrets([result.stdout, result.stderr], [live, other, revoked, scoped, emulator.clientSecret]);
  });

  it("reads a FILE, takes the connection from flags over the environment, and prints a table without --json", async () => {
    const token = await emulator.newToken();
    const file = join(dir, "tokens.txt");
    await writeFile(file, `${token}\n`);
    const secretFile = join(dir, "secret");
    await writeFile(secretFile, `${emulator.clientSecret}\n`);

    const result = await runCli(
      [
        "check",
        "--base-url",
        emulator.apiUrl,
        "--client-id",
        emulator.clientId,
        "--client-secret-file",
        secretFile,
        file,
      ],
      {
        env: {
          GHES_OAUTH_BASE_URL: "https://github.invalid",
          GHES_OAUTH_CLIENT_ID: "Iv1.wrong",
          GHES_OAUTH_CLIENT_SECRET: "wrong-secret",
        },
      },
    );

    expect(result.code).toBe(0);
    const [header, row, ...rest] = result.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^LINE\s+LAST EIGHT\s+STATUS\s+USER\s+EXPIRES AT\s+SCOPED\s+REPOS\s+PERMISSIONS$/);
    expect(row).toMatch(
      new RegExp(`^1\\s+${token.slice(-8)}\\s+valid\\s+octocat\\s+\\S+Z?\\s+no\\s+-\\s+-$`),
    );
    expect(rest).toEqual([]);
    expectNoSecrets([result.stdout, result.stderr], [token, emulator.clientSecret]);
  });

  it("a check that fails (server error) is reported per token with exit 1; the run goes on", async () => {
    const tokens = [await emulator.newToken(), await emulator.newToken()];
    await emulator.admin.setFaults({ status: 500, pathPattern: "**/token", methods: ["POST"] });
    try {
      const result = await runCli(["check", "--json"], { env: emulator.env, input: tokens.join("\n") });
      expect(result.code).toBe(1);
      const records = ndjson(result.stdout);
      expect(records).toHaveLength(2);
      for (const record of records)
        expect(record).toMatchObject({ status: "error", error: expect.stringMatching(/500/) });
      expectNoSecrets([result.stdout, result.stderr], [...tokens, emulator.clientSecret]);
    } finally {
      await emulator.admin.clearFaults();
    }
  });
});
