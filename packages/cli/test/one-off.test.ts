import { OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../dist/index.js";
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { ndjson, runCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

let emulator: SeededEmulator;
let client: OAuthAppClient;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  client = new OAuthAppClient({
    baseUrl: emulator.apiUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

async function isLive(token: string): Promise<boolean> {
  const hash = fingerprint(token).hashed_token;
  return (await emulator.liveAccessTokens()).some((row) => row.hashed_token === hash);
}

describe("reset", () => {
  it("to a pipe: the new token alone on stdout, its description on stderr; the old token stops working", async () => {
    const old = await emulator.newToken();
    const result = await runCli(["reset"], { env: emulator.env, input: `${old}\n` });
    expect(result.code).toBe(0);
    const fresh = result.stdout.trim();
    expect(fresh).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(await isLive(old)).toBe(false);
    expect((await client.checkToken(fresh)).user?.login).toBe("octocat");
    expect(result.stderr).toContain(`token_last_eight:     ${fresh.slice(-8)}`);
    expect(result.stderr).toContain("status:               valid");
    expectNoSecrets([result.stderr], [old, fresh, emulator.clientSecret]);
    expectNoSecrets([result.stdout], [old, emulator.clientSecret]);
  });

  it("--json to a pipe: the description and the token in one object", async () => {
    const old = await emulator.newToken("hubot");
    const result = await runCli(["reset", "--json", "-"], { env: emulator.env, input: old });
    expect(result.code).toBe(0);
    const [record] = ndjson(result.stdout);
    expect(record).toMatchObject({
      status: "valid",
      user: "hubot",
      scoped: false,
      token: expect.stringMatching(/^ghu_/),
    });
    expect(record?.hashed_token).toBe(fingerprint(record?.token as string).hashed_token);
  });

  it("an unknown token fails with exit 1 and says what 404 means", async () => {
    const old = await emulator.newToken();
    await client.deleteToken(old);
    const result = await runCli(["reset"], { env: emulator.env, input: old });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ghes-oauth reset: .*404.*\(the token is unknown, revoked or expired/);
    expect(result.stdout).toBe("");
    expectNoSecrets([result.stderr], [old, emulator.clientSecret]);
  });

  it("more than one token in the input is a usage error", async () => {
    const result = await runCli(["reset"], {
      env: emulator.env,
      input: `${await emulator.newToken()}\n${await emulator.newToken()}\n`,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("reset takes exactly one token; the input has 2 lines");
  });
});

describe("scope", () => {
  it("mints a scoped token with --target, --repositories and repeated --permission; the parent stays valid", async () => {
    const parent = await emulator.newToken();
    const result = await runCli(
      [
        "scope",
        "--json",
        "--target",
        "octo-org",
        "--repositories",
        "api,web",
        "--permission",
        "contents=read",
        "--permission",
        "issues=write",
      ],
      { env: emulator.env, input: parent },
    );
    expect(result.code).toBe(0);
    const [record] = ndjson(result.stdout);
    expect(record).toMatchObject({
      status: "valid",
      user: "octocat",
      scoped: true,
      repository_selection: "selected",
      permissions: { contents: "read", issues: "write" },
    });
    const scoped = record?.token as string;
    expect((await client.checkToken(scoped)).installation?.permissions).toEqual({
      contents: "read",
      issues: "write",
    });
    expect(await isLive(parent)).toBe(true);
    expectNoSecrets([result.stderr], [parent, scoped, emulator.clientSecret]);
  });

  it("--target-id and --repository-ids work by ID", async () => {
    const parent = await emulator.newToken();
    const web = emulator.org.repositories.find((repository) => repository.name === "web");
    const args = [
      "scope",
      "--json",
      "--target-id",
      String(emulator.org.id),
      "--repository-ids",
      String(web?.id),
    ];
    const result = await runCli(args, { env: emulator.env, input: parent });
    expect(result.code).toBe(0);
    const [record] = ndjson(result.stdout);
    expect(record).toMatchObject({ scoped: true, user: "octocat", repository_selection: "selected" });
    const scoped = await client.checkToken(record?.token as string);
    expect(scoped.installation?.account).toMatchObject({ login: "octo-org" });
  });

  it("the client's pair rules reach the user as a usage error, before any API call", async () => {
    const parent = await emulator.newToken();
    await emulator.admin.clearRequests();
    const result = await runCli(["scope", "--target", "octo-org", "--target-id", "1"], {
      env: emulator.env,
      input: parent,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/target/);
    expect(await emulator.admin.requests()).toEqual([]);
  });

  it("a permission the app does not have is the API's 422, exit 1", async () => {
    const parent = await emulator.newToken();
    const result = await runCli(["scope", "--target", "octo-org", "--permission", "administration=write"], {
      env: emulator.env,
      input: parent,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/422/);
    expectNoSecrets([result.stdout, result.stderr], [parent, emulator.clientSecret]);
  });
});

describe("revoke-grant", () => {
  it("revokes every token of that user for the app, scoped ones included, and leaves other users' tokens", async () => {
    const first = await emulator.newToken("octocat");
    const second = await emulator.newToken("octocat");
    const scoped = (await client.scopeToken({ accessToken: first, target: "octo-org" })).token;
    const someoneElse = await emulator.newToken("hubot");
    const result = await runCli(["revoke-grant", "--json"], { env: emulator.env, input: second });
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toEqual([{ ...fingerprint(second), result: "revoked" }]);
    for (const token of [first, second, scoped]) expect(await isLive(token)).toBe(false);
    expect(await isLive(someoneElse)).toBe(true);

    const again = await runCli(["revoke-grant"], { env: emulator.env, input: second });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already gone/);
    expectNoSecrets(
      [result.stdout, result.stderr, again.stdout, again.stderr],
      [first, second, scoped, emulator.clientSecret],
    );
  });
});
