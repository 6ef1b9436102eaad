import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { futureTokens, ghsJwtToken, windowsOf } from "@ghes-oauth/vitest-preset/token-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyText, fingerprint } from "../dist/index.js";
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { ndjson, runCli } from "./support/run-cli.js";

const TOKENS = futureTokens();

function expectNone(texts: readonly string[], secrets: readonly string[]) {
  for (const secret of secrets)
    for (const piece of windowsOf(secret)) for (const text of texts) expect(text).not.toContain(piece);
}

describe("line classification", () => {
  it("takes every documented prefix up to 1 KiB as a token, dots and base64url included", () => {
    const values = Object.values(TOKENS);
    const lines = classifyText(`${values.join("\n")}\n`);
    expect(lines.map((line) => line.kind)).toEqual(values.map(() => "token"));
    expect(lines.map((line) => (line.kind === "token" ? line.fingerprint : undefined))).toEqual(
      values.map(fingerprint),
    );
  });

  it("refuses a longer line without quoting any of it", () => {
    const tooLong = ghsJwtToken(1025);
    const [line] = classifyText(tooLong);
    expect(line).toEqual({
      line: 1,
      kind: "malformed",
      reason: "too long for a GitHub token (1025 characters)",
    });
  });
});

describe("check with tomorrow's token formats, as a real process", () => {
  let emulator: SeededEmulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startSeededEmulator();
    dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-token-formats-"));
  });
  afterAll(async () => {
    await emulator?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("checks each token (none is malformed), and no output shows any part of one", async () => {
    const live = await emulator.newToken();
    const tooLong = ghsJwtToken(1025);
    const values = [...Object.values(TOKENS), live];
    const file = join(dir, "tokens.txt");
    await writeFile(file, `${values.join("\n")}\n${tooLong}\n`);
    const result = await runCli(["check", "--json", file], { env: emulator.env });
    expect(result.code).toBe(0);
    const records = (
      ndjson(result.stdout) as { line: number; status: string; token_last_eight?: string }[]
    ).sort((a, b) => a.line - b.line);
    expect(records.map((record) => record.status)).toEqual([
      ...values.slice(0, -1).map(() => "invalid"),
      "valid",
      "malformed",
    ]);
    expect(records.slice(0, values.length).map((record) => record.token_last_eight)).toEqual(
      values.map((value) => value.slice(-8)),
    );
    expectNone([result.stdout, result.stderr], [...values, tooLong]);
  });

  it("a JWT-shaped token given as an argument is refused without echoing it", async () => {
    const token = TOKENS["ghs_ JWT, 1 KiB"] as string;
    const result = await runCli(["check", token], { env: emulator.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("an argument looks like a token");
    expectNone([result.stdout, result.stderr], [token]);
  });
});
