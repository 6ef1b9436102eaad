// `ghes-oauth scope --policy FILE`: the policy pack's rules and config file, judged before any request.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededEmulator, startSeededEmulator } from "./support/emulator.js";
import { ndjson, runCli } from "./support/run-cli.js";
import { expectNoSecrets } from "./support/secrets.js";

let emulator: SeededEmulator;
let policyFile: string;

beforeAll(async () => {
  emulator = await startSeededEmulator();
  policyFile = join(mkdtempSync(join(tmpdir(), "ghes-oauth-cli-policy-")), "policy.json");
  writeFileSync(
    policyFile,
    JSON.stringify({
      "ghes-oauth-allowed-targets": { enforcementLevel: "mandatory", targets: ["octo-org"] },
      "ghes-oauth-permission-ceiling": {
        enforcementLevel: "mandatory",
        ceiling: { contents: "read" },
        deny: ["administration"],
      },
      "ghes-oauth-repository-selection": { enforcementLevel: "advisory", maxRepositories: 1 },
    }),
  );
});
afterAll(async () => {
  await emulator.close();
});

describe("scope --policy", () => {
  it("a mandatory violation refuses the request before any request is sent: exit 2, each violation named", async () => {
    const parent = await emulator.newToken();
    await emulator.admin.clearRequests();
    const result = await runCli(
      [
        "scope",
        "--target",
        "octo-org",
        "--repositories",
        "api,web",
        "--permission",
        "contents=write",
        "--permission",
        "administration=read",
        "--policy",
        policyFile,
        "-",
      ],
      { env: emulator.env, input: parent },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`refused by the policy in ${policyFile}, nothing was sent`);
    expect(result.stderr).toContain(
      '[mandatory] ghes-oauth-permission-ceiling: ghes-oauth scope: permissions.contents is "write", above its ceiling "read" (ceiling.contents)',
    );
    expect(result.stderr).toContain(
      '[mandatory] ghes-oauth-permission-ceiling: ghes-oauth scope: permissions.administration asks for "administration", which the policy denies (deny); remove it',
    );
    expect(result.stderr).toContain(
      "warning [advisory] ghes-oauth-repository-selection: ghes-oauth scope: repositories lists 2 repositories, more than the maximum 1 (maxRepositories)",
    );
    expect(result.stdout).toBe("");
    expect(await emulator.admin.requests(), "API requests of the refused scope").toEqual([]);
    expectNoSecrets([result.stderr, result.stdout], [parent, emulator.clientSecret]);
  });

  it("within the policy the token is minted, with the advisory warning on stderr", async () => {
    const parent = await emulator.newToken();
    const result = await runCli(
      ["scope", "--target", "octo-org", "--repositories", "api,web", "--permission", "contents=read"].concat([
        "--policy",
        policyFile,
        "--json",
        "-",
      ]),
      { env: emulator.env, input: parent },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(ndjson(result.stdout)[0]).toMatchObject({ scoped: true, repository_selection: "selected" });
    expect(result.stderr).toContain("warning [advisory] ghes-oauth-repository-selection");
  });

  it("a policy file with an unknown permission name is a usage error with the catalogue's suggestion", async () => {
    const typo = join(mkdtempSync(join(tmpdir(), "ghes-oauth-cli-policy-")), "policy.json");
    writeFileSync(typo, JSON.stringify({ "ghes-oauth-permission-ceiling": { ceiling: { isues: "read" } } }));
    await emulator.admin.clearRequests();
    const result = await runCli(["scope", "--target", "octo-org", "--policy", typo, "-"], {
      env: emulator.env,
      input: await emulator.newToken(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'policy config ghes-oauth-permission-ceiling.ceiling: unknown permission "isues"; did you mean "issues"?',
    );
    expect(await emulator.admin.requests()).toEqual([]);
  });
});
