import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueTokens, type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { runInPty } from "./support/run-in-pty.js";
import { expectNoSecrets } from "./support/secrets.js";

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-tty-"));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function tokenFile(name: string, tokens: readonly string[]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `${tokens.join("\n")}\n`);
  return file;
}

describe("on a terminal", () => {
  it("asks for the client secret with a hidden prompt (nothing echoed) and then checks the tokens as a table", async () => {
    const token = await emulator.newToken();
    const file = await tokenFile("prompt.txt", [token]);
    const session = runInPty(["check", file], { ...emulator.env, GHES_OAUTH_CLIENT_SECRET: undefined });
    await session.waitFor(new RegExp(`Client secret for ${emulator.clientId.replace(/\./g, "\\.")}: `));
    session.type(`${emulator.clientSecret}\r`);
    const { code, output } = await session.exited;
    expect(code).toBe(0);
    expect(output).toMatch(/LINE\s+LAST EIGHT\s+STATUS/);
    expect(output).toMatch(new RegExp(`1\\s+${token.slice(-8)}\\s+valid\\s+octocat`));
    expectNoSecrets([output], [emulator.clientSecret, token]);
  });

  it("Ctrl-C at the prompt stops with exit 130 and no API call", async () => {
    await emulator.admin.clearRequests();
    const session = runInPty(["check", await tokenFile("ctrl-c.txt", [await emulator.newToken()])], {
      ...emulator.env,
      GHES_OAUTH_CLIENT_SECRET: undefined,
    });
    await session.waitFor(/Client secret for /);
    session.type("half-typed\u0003");
    const { code, output } = await session.exited;
    expect(code).toBe(130);
    expect(output).not.toContain("half-typed");
    expect(await emulator.admin.requests()).toEqual([]);
  });

  it("revoke draws a progress bar (done/total, rate, ETA) and ends with the summary", async () => {
    const tokens = await issueTokens(emulator, 40);
    const session = runInPty(
      ["revoke", "--concurrency", "2", await tokenFile("bar.txt", tokens)],
      emulator.env,
    );
    const { code, output } = await session.exited;
    expect(code).toBe(0);
    expect(output).toMatch(/revoking \[-{30}\] 0\/40 0% {2}\d+\.\d\/s {2}ETA --/);
    expect(output).toMatch(/revoking \[#{30}\] 40\/40 100% {2}\d+\.\d\/s {2}ETA 0s/);
    expect(output).toContain("revoked 40, already gone 0, failed 0");
    const live = new Set((await emulator.liveAccessTokens()).map((row) => row.token_last_eight));
    expect(tokens.filter((token) => live.has(token.slice(-8)))).toEqual([]);
    expectNoSecrets([output], [...tokens, emulator.clientSecret]);
  });

  it("reset shows the new token's description but not the token, unless --show-token", async () => {
    const hidden = runInPty(
      ["reset", await tokenFile("reset-hidden.txt", [await emulator.newToken()])],
      emulator.env,
    );
    const first = await hidden.exited;
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/status:\s+valid/);
    expect(first.output).toContain(
      "(the token is not shown on a terminal: add --show-token, or redirect stdout)",
    );
    expect(first.output).not.toMatch(/ghu_[A-Za-z0-9]{36}/);

    const shown = runInPty(
      ["reset", "--show-token", await tokenFile("reset-shown.txt", [await emulator.newToken()])],
      emulator.env,
    );
    const second = await shown.exited;
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/token:\s+ghu_[A-Za-z0-9]{36}/);
  });

  it("reads tokens typed on the terminal until Ctrl-D, after saying so", async () => {
    const token = await emulator.newToken("hubot");
    const session = runInPty(["check"], emulator.env);
    await session.waitFor(/Reading tokens from the terminal, one per line; end with Ctrl-D\./);
    session.type(`${token}\n\u0004`);
    const { code, output } = await session.exited;
    expect(code).toBe(0);
    expect(output).toMatch(new RegExp(`1\\s+${token.slice(-8)}\\s+valid\\s+hubot`));
  });
});
