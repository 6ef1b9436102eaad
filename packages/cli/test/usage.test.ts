import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../dist/index.js";
import packageJson from "../package.json" with { type: "json" };
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { runCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

let emulator: SeededEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  dir = await mkdtemp(join(tmpdir(), "ghes-oauth-cli-usage-"));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe("help and version", () => {
  it("--version prints package.json's version", async () => {
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it.each(COMMANDS.map((command) => command.name))("%s --help prints its usage and exits 0", async (name) => {
    const result = await runCli([name, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: ghes-oauth ${name}`);
    expect(result.stdout).toContain("Exit codes: 0");
  });

  it("no command or an unknown one is a usage error listing the commands", async () => {
    for (const args of [[], ["frobnicate"]]) {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Commands:");
    }
  });
});

describe("bad input: a clear error and exit code 2, before any API call", () => {
  async function expectUsageError(args: string[], env: Record<string, string | undefined>, message: RegExp) {
    await emulator.admin.clearRequests();
    const result = await runCli(args, { env, input: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
    expectNoSecrets([result.stdout, result.stderr], [emulator.clientSecret]);
    expect(await emulator.admin.requests()).toEqual([]);
  }

  it("a missing client secret names the three ways to give one", async () => {
    await expectUsageError(
      ["check"],
      { ...emulator.env, GHES_OAUTH_CLIENT_SECRET: undefined },
      /missing client secret: set GHES_OAUTH_CLIENT_SECRET, pass --client-secret-file FILE, or run on a terminal/,
    );
  });

  it("a bad URL names --base-url", async () => {
    await expectUsageError(
      ["check", "--base-url", "not a url"],
      emulator.env,
      /--base-url must be an absolute URL/,
    );
    await expectUsageError(
      ["revoke", "--base-url", "http://github.example.com"],
      emulator.env,
      /--base-url .*https/,
    );
  });

  it("a missing base URL or client ID names the flag and the env variable", async () => {
    await expectUsageError(
      ["check"],
      { ...emulator.env, GHES_OAUTH_BASE_URL: undefined },
      /missing --base-url \(or env GHES_OAUTH_BASE_URL\)/,
    );
    await expectUsageError(
      ["check"],
      { ...emulator.env, GHES_OAUTH_CLIENT_ID: undefined },
      /missing --client-id \(or env GHES_OAUTH_CLIENT_ID\)/,
    );
  });

  it("an unknown flag is named, without the value given to it", async () => {
    await expectUsageError(
      ["revoke", "--frobnicate=hush-hush"],
      emulator.env,
      /unknown option --frobnicate\n/,
    );
    const result = await runCli(["revoke", "--frobnicate=hush-hush"], { env: emulator.env });
    expect(result.stderr).not.toContain("hush-hush");
  });

  it("the secret as a flag is refused with the alternatives, and its value is not repeated", async () => {
    await expectUsageError(
      ["check", `--client-secret=${emulator.clientSecret}`],
      emulator.env,
      /--client-secret is not accepted: a flag value is visible to other users in ps/,
    );
  });

  it("a token as an argument is refused (ps and shell history would keep it)", async () => {
    const token = await emulator.newToken();
    await emulator.admin.clearRequests();
    const result = await runCli(["revoke", token], { env: emulator.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/looks like a token: pass tokens in a FILE or on stdin/);
    expectNoSecrets([result.stdout, result.stderr], [token]);
    expect(await emulator.admin.requests()).toEqual([]);
  });

  it("an unreadable input file is named with the reason", async () => {
    await expectUsageError(
      ["check", join(dir, "missing.txt")],
      emulator.env,
      /cannot read input file .*missing\.txt \(ENOENT\)/,
    );
    await expectUsageError(["revoke", dir], emulator.env, /cannot read input file .* \(EISDIR\)/);
  });

  it("an unreadable or empty secret file is named", async () => {
    await expectUsageError(
      ["check", "--client-secret-file", join(dir, "nope")],
      { ...emulator.env, GHES_OAUTH_CLIENT_SECRET: undefined },
      /--client-secret-file: cannot read .*nope \(ENOENT\)/,
    );
    const empty = join(dir, "empty-secret");
    await writeFile(empty, "\n");
    await expectUsageError(
      ["check", "--client-secret-file", empty],
      emulator.env,
      /--client-secret-file: .* is empty/,
    );
  });

  it("--concurrency 0 (or not a number) is out of range", async () => {
    await expectUsageError(
      ["revoke", "--concurrency", "0"],
      emulator.env,
      /--concurrency must be a whole number from 1 to 256/,
    );
    await expectUsageError(
      ["revoke", "--concurrency", "many"],
      emulator.env,
      /--concurrency must be a whole number/,
    );
    await expectUsageError(
      ["check", "--concurrency", "0"],
      emulator.env,
      /--concurrency must be a whole number from 1 to 64/,
    );
  });

  it("a flag missing its value, and a bad --permission, are named", async () => {
    await expectUsageError(["revoke", "--journal"], emulator.env, /option --journal needs a value/);
    await expectUsageError(
      ["scope", "--target", "octo-org", "--permission", "contents"],
      emulator.env,
      /--permission takes NAME=LEVEL/,
    );
  });

  it("a journal that is not a regular file is refused", async () => {
    await expectUsageError(
      ["revoke", "--journal", "/dev/null"],
      emulator.env,
      /--journal: \/dev\/null is not a regular file/,
    );
    await expectUsageError(
      ["revoke", "--journal", dir],
      emulator.env,
      /--journal: cannot open .* \(EISDIR\)/,
    );
  });

  it("a journal that is some other file is refused, not appended to", async () => {
    const other = join(dir, "notes.txt");
    await writeFile(other, "shopping list\n");
    await expectUsageError(
      ["revoke", "--journal", other],
      emulator.env,
      /is not a ghes-oauth revoke journal/,
    );
  });
});
