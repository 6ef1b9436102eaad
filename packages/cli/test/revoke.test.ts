import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../dist/index.js";
import { issueTokens, type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { startRateLimitProxy } from "./support/rate-limit-proxy.js";
import { ndjson, runCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-revoke-"));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function liveCount(): Promise<number> {
  return (await emulator.liveAccessTokens()).length;
}

async function deleteRequests(): Promise<number> {
  return (await emulator.admin.requests()).filter((entry) => entry.method === "DELETE").length;
}

describe("revoke", () => {
  it("revokes every token from stdin, reports each line as NDJSON and ends with the summary", async () => {
    const tokens = await issueTokens(emulator, 20);
    const gone = await emulator.newToken();
    await runCli(["revoke"], { env: emulator.env, input: gone });
    const input = [...tokens.slice(0, 10), "# comment", gone, "garbage line", ...tokens.slice(10)].join("\n");

    const result = await runCli(["revoke", "--json", "--concurrency", "4"], { env: emulator.env, input });

    expect(result.code).toBe(0);
    expect(await liveCount()).toBe(0);
    const records = ndjson(result.stdout);
    expect(records).toHaveLength(22);
    const byLine = new Map(records.map((record) => [record.line, record]));
    expect(byLine.get(1)).toEqual({ line: 1, ...fingerprint(tokens[0] as string), result: "revoked" });
    expect(byLine.get(12)).toEqual({ line: 12, ...fingerprint(gone), result: "already_gone" });
    expect(byLine.get(13)).toEqual({
      line: 13,
      result: "malformed",
      error: "contains whitespace; put one token per line",
    });
    expect(records.filter((record) => record.result === "revoked")).toHaveLength(20);
    expect(result.stderr).toContain("revoked 20, already gone 1, failed 0; 1 malformed lines\n");
    expect(result.stderr).toContain("line 13: contains whitespace");
    expectNoSecrets([result.stdout, result.stderr], [...tokens, gone, emulator.clientSecret]);
  });

  it("without --json the summary goes to stdout", async () => {
    const tokens = await issueTokens(emulator, 3);
    const result = await runCli(["revoke"], { env: emulator.env, input: tokens.join("\n") });
    expect(result).toMatchObject({ code: 0, stdout: "revoked 3, already gone 0, failed 0\n" });
  });

  it("the journal holds hashes, never values; a rerun with it skips what is done and makes no API call for it", async () => {
    const tokens = await issueTokens(emulator, 12);
    const file = join(dir, "incident.txt");
    await writeFile(file, `${tokens.join("\n")}\n`);
    const journal = join(dir, "first.journal");

    const first = await runCli(["revoke", "--journal", journal, file], { env: emulator.env });
    expect(first.code).toBe(0);
    const text = await readFile(journal, "utf8");
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ ghes_oauth_revoke_journal: 2, client_id: emulator.clientId });
    expect(
      lines
        .slice(1)
        .map((entry) => entry.hashed_token)
        .sort(),
    ).toEqual(tokens.map((token) => fingerprint(token).hashed_token).sort());
    for (const entry of lines.slice(1))
      expect(entry).toMatchObject({ result: "revoked", at: expect.any(String) });
    expectNoSecrets(
      [text],
      tokens.map((token) => token.slice(4)),
    );

    await emulator.admin.clearRequests();
    const rerun = await runCli(["revoke", "--json", "--journal", journal, file], { env: emulator.env });
    expect(rerun.code).toBe(0);
    expect(await deleteRequests()).toBe(0);
    const records = ndjson(rerun.stdout);
    expect(records).toHaveLength(12);
    for (const record of records) expect(record).toMatchObject({ result: "revoked", from_journal: true });
    expect(rerun.stderr).toContain(
      "revoked 12, already gone 0, failed 0; 12 of them recorded by an earlier run",
    );
  });

  it("failed tokens exit 1, are journalled as failed and tried again on the rerun", async () => {
    const tokens = await issueTokens(emulator, 4);
    const journal = join(dir, "failing.journal");
    await emulator.admin.setFaults({ status: 500, methods: ["DELETE"] });
    let first: Awaited<ReturnType<typeof runCli>>;
    try {
      first = await runCli(["revoke", "--json", "--journal", journal], {
        env: emulator.env,
        input: tokens.join("\n"),
      });
    } finally {
      await emulator.admin.clearFaults();
    }
    expect(first.code).toBe(1);
    expect(ndjson(first.stdout).map((record) => record.result)).toEqual([
      "failed",
      "failed",
      "failed",
      "failed",
    ]);
    expect(first.stderr).toContain("revoked 0, already gone 0, failed 4");
    expect(first.stderr).toMatch(/line 1 \(….{8}\): DELETE \/applications\/\{client_id\}\/token failed: 500/);
    expect(await liveCount()).toBe(4);

    const rerun = await runCli(["revoke", "--json", "--journal", journal], {
      env: emulator.env,
      input: tokens.join("\n"),
    });
    expect(rerun.code).toBe(0);
    expect(ndjson(rerun.stdout).map((record) => record.result)).toEqual([
      "revoked",
      "revoked",
      "revoked",
      "revoked",
    ]);
    expect(await liveCount()).toBe(0);
    expectNoSecrets(
      [first.stdout, first.stderr, rerun.stdout, rerun.stderr, await readFile(journal, "utf8")],
      tokens,
    );
  });

  it("--dry-run reports what would be revoked without a secret, an API call or a journal write", async () => {
    const tokens = await issueTokens(emulator, 3);
    const journal = join(dir, "dry.journal");
    await emulator.admin.clearRequests();
    const result = await runCli(["revoke", "--dry-run", "--json", "--journal", journal], {
      env: { GHES_OAUTH_BASE_URL: emulator.apiUrl },
      input: tokens.join("\n"),
    });
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout).map((record) => record.result)).toEqual([
      "would_revoke",
      "would_revoke",
      "would_revoke",
    ]);
    expect(result.stderr).toContain("would revoke 3");
    expect(await emulator.admin.requests()).toEqual([]);
    await expect(readFile(journal)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await liveCount()).toBe(3);
    await runCli(["revoke"], { env: emulator.env, input: tokens.join("\n") });
  });

  it("a refresh token (ghr_) answered 404 is reported failed with the way out, never already gone", async () => {
    const issued = await emulator.admin.issueUserToken({ client_id: emulator.clientId, login: "octocat" });
    const refreshToken = issued.refresh_token as string;
    expect(refreshToken).toMatch(/^ghr_/);
    const result = await runCli(["revoke", "--json"], { env: emulator.env, input: `${refreshToken}\n` });
    expect(result.code).toBe(1);
    expect(ndjson(result.stdout)).toEqual([
      {
        line: 1,
        ...fingerprint(refreshToken),
        result: "failed",
        error: expect.stringMatching(/a refresh token \(ghr_\) is not revoked .* revoke the user's grant/),
      },
    ]);
    expectNoSecrets([result.stdout, result.stderr], [refreshToken, issued.token, emulator.clientSecret]);
    await runCli(["revoke"], { env: emulator.env, input: issued.token });
  });

  it("honours Retry-After: the client sits out short waits, and past its retries every worker pauses as asked", async () => {
    const tokens = await issueTokens(emulator, 3);
    // 5 rate-limited answers: the client's own 3 retries use up 4, then the CLI's shared pause, then one more.
    const proxy = await startRateLimitProxy(emulator.apiUrl, 5, 1);
    try {
      const result = await runCli(["revoke", "--json", "--concurrency", "1"], {
        env: { ...emulator.env, GHES_OAUTH_BASE_URL: proxy.apiUrl },
        input: tokens.join("\n"),
      });
      expect(result.code).toBe(0);
      expect(ndjson(result.stdout).map((record) => record.result)).toEqual(["revoked", "revoked", "revoked"]);
      expect(result.stderr).toContain("rate limited: every worker pauses 1s as the server asked");
      expect(proxy.deletes.map((entry) => entry.status)).toEqual([429, 429, 429, 429, 429, 204, 204, 204]);
      // Each request after a 429 came at least the asked-for second later.
      for (let index = 1; index <= 5; index++) {
        const gap = (proxy.deletes[index]?.at ?? 0) - (proxy.deletes[index - 1]?.at ?? 0);
        expect(gap).toBeGreaterThanOrEqual(990);
      }
      expect(await liveCount()).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it("a journal line torn by a crash mid-write is cut off; the entries before it still count", async () => {
    const [done, pending] = await issueTokens(emulator, 2);
    await runCli(["revoke"], { env: emulator.env, input: done });
    const journal = join(dir, "torn.journal");
    const entry = {
      hashed_token: fingerprint(done as string).hashed_token,
      result: "revoked",
      at: new Date().toISOString(),
    };
    await writeFile(
      journal,
      `{"ghes_oauth_revoke_journal":1}\n${JSON.stringify(entry)}\n{"hashed_token":"3f2a`,
    );

    const result = await runCli(["revoke", "--json", "--journal", journal], {
      env: emulator.env,
      input: `${done}\n${pending}\n`,
    });

    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toEqual([
      { line: 1, ...fingerprint(done as string), result: "revoked", from_journal: true },
      { line: 2, ...fingerprint(pending as string), result: "revoked" },
    ]);
    const lines = (await readFile(journal, "utf8")).split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).map((line) => JSON.parse(line).hashed_token)).toEqual([
      undefined,
      fingerprint(done as string).hashed_token,
      fingerprint(pending as string).hashed_token,
    ]);
  });
});
