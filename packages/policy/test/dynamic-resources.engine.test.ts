// The pack under the real engine (Automation API, local file backend) against the dynamic resources,
// with the emulator's request log as the witness that nothing reached the API: one violating program
// previewed with every policy mandatory, the same program run by `up` with every policy advisory, and
// a compliant program previewed with every policy mandatory.

import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { ScopedToken, ScopedTokenSet, type ScopedTokenSpec, UserToken } from "@ghes-oauth/pulumi";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolicyStack, type PolicyStack, writePolicyConfig } from "./support/policy-stack.js";
import { expectedByPolicy, messagesByPolicy, reportedViolations, teamConfig } from "./support/scenario.js";
import { searchSecrets } from "./support/secrets-search.js";

const LATE_TARGET =
  'ScopedToken "late": target is "beta", not an allowed account; scope it to one of the allowed accounts ("acme"), or ask the security team to add it to targets/targetIds';

describe("the policy pack on the dynamic resources (real engine, emulator)", () => {
  let world: SeededEmulator;
  let connection: Record<string, { value: string; secret?: boolean }>;
  let secrets: Record<string, string>;
  const stacks: PolicyStack[] = [];
  /** The output of every run that reported violations, for the secrets search. */
  const violatingOutputs: string[] = [];

  beforeAll(async () => {
    world = await startSeededEmulator({
      world: {
        org: { login: "acme", repositories: ["api", "web", "docs"] },
        app: { permissions: { metadata: "read", contents: "write", issues: "write" } },
      },
    });
    // A second organization with the app installed: a target the API accepts and the policy does not.
    await world.admin.createAccount({ login: "beta", type: "Organization", repositories: ["tools"] });
    await world.admin.createInstallation({
      client_id: world.app.client_id,
      account: "beta",
      repositories: "all",
    });
    connection = {
      "ghes-oauth:baseUrl": { value: world.emulator.apiUrl },
      "ghes-oauth:clientId": { value: world.app.client_id },
      "ghes-oauth:clientSecret": { value: world.app.client_secret, secret: true },
    };
  });

  afterAll(async () => {
    for (const stack of stacks) await stack.dispose();
    await world?.close();
  });

  /** The violating program (see support/scenario.ts), plus "late", whose target is unknown at preview. */
  async function violatingStack(): Promise<PolicyStack> {
    const seed = await world.issueUserToken();
    const plain = await world.issueUserToken();
    secrets = {
      "user token (plain rotationTrigger)": plain.token,
      "seed refresh token": seed.refresh_token ?? "",
      "seed access token": seed.token,
      "client secret": world.app.client_secret,
    };
    const entry = (repository: string, permissions: ScopedTokenSpec["permissions"]): ScopedTokenSpec => ({
      target: "acme",
      repositories: [repository],
      permissions,
    });
    const stack = await createPolicyStack(
      () => {
        const user = new UserToken("octocat", {
          refreshToken: config().requireSecret("seed"),
          renewBefore: "10m",
          revokeOnDelete: "none",
        });
        new ScopedToken("wide", {
          accessToken: user.accessToken,
          target: "beta",
          permissions: { contents: "write" },
          rotationTrigger: plain.token,
        });
        new ScopedTokenSet("bots", {
          accessToken: user.accessToken,
          renewBefore: "3h",
          scopes: {
            "docs-read": entry("docs", { contents: "read" }),
            "api-read": entry("api", { contents: "read" }),
            admin: entry("api", { issues: "write" }),
          },
        });
        // Known only once octocat's token exists: no violation at preview, reported at up.
        new ScopedToken("late", {
          accessToken: pulumi.secret(plain.token),
          target: user.userLogin.apply(() => "beta"),
          repositories: ["tools"],
          permissions: { contents: "read" },
          renewBefore: "3h",
        });
        return Promise.resolve();
      },
      { ...connection, "policy-tests:seed": { value: seed.refresh_token ?? "", secret: true } },
    );
    stacks.push(stack);
    return stack;
  }

  it("every policy mandatory: preview fails, each violation named by resource, entry and property, before any request", async () => {
    const stack = await violatingStack();
    await world.admin.clearRequests();
    const result = await stack.preview(writePolicyConfig(teamConfig("mandatory")));
    violatingOutputs.push(result.output);

    expect(result.failed, result.output.slice(-3000)).toBe(true);
    const reported = reportedViolations(result.output);
    expect(reported.map((found) => found.level)).not.toContain("advisory");
    expect(messagesByPolicy(reported)).toEqual(expectedByPolicy());
    // The set's three entries: only "admin" is named; "late"'s unknown target is no violation.
    expect(result.output).not.toMatch(/entry "(docs-read|api-read)"/);
    expect(result.output).not.toContain('ScopedToken "late"');
    expect(await world.admin.requests(), "token-API requests during the refused preview").toEqual([]);
  });

  it("every policy advisory: up warns of the same violations (and of late's target once known) and succeeds", async () => {
    const stack = await violatingStack();
    await world.admin.clearRequests();
    const result = await stack.up(writePolicyConfig(teamConfig("advisory")));
    violatingOutputs.push(result.output);

    expect(result.failed, result.output.slice(-3000)).toBe(false);
    const reported = reportedViolations(result.output);
    expect(new Set(reported.map((found) => found.level))).toEqual(new Set(["advisory"]));
    const expected = expectedByPolicy();
    expected["ghes-oauth-allowed-targets"] = [
      ...(expected["ghes-oauth-allowed-targets"] ?? []),
      LATE_TARGET,
    ].sort();
    expect(messagesByPolicy(reported)).toEqual(expected);
    const minted = (await world.admin.requests()).filter((request) => request.path.endsWith("/token/scoped"));
    expect(minted.length, "scoped tokens minted: wide, late and the set's three").toBe(5);
    // Why the policy exists, and proof that the search finds a value: the plain rotationTrigger is in
    // state in clear.
    const state = JSON.stringify(await stack.stack.exportStack());
    const plainInState = searchSecrets([state], {
      plain: secrets["user token (plain rotationTrigger)"] ?? "",
    });
    expect(plainInState.hits).toEqual(["output #0: secret plain"]);
  });

  it("without a config file: secret inputs mandatory (preview fails), the rest advisory at their defaults", async () => {
    const stack = await violatingStack();
    await world.admin.clearRequests();
    const result = await stack.preview();
    violatingOutputs.push(result.output);

    expect(result.failed, result.output.slice(-3000)).toBe(true);
    const levels = new Map(reportedViolations(result.output).map((found) => [found.policy, found.level]));
    expect(Object.fromEntries(levels)).toEqual({
      "ghes-oauth-secret-inputs": "mandatory",
      // No ceiling of its own: contents write and issues write are within otherPermissions' "write".
      "ghes-oauth-repository-selection": "advisory",
      "ghes-oauth-revoke-on-delete": "advisory",
    });
    expect(await world.admin.requests()).toEqual([]);
  });

  it("a compliant program passes preview with every policy mandatory", async () => {
    const seed = await world.issueUserToken();
    const stack = await createPolicyStack(
      () => {
        const user = new UserToken("octocat", {
          refreshToken: config().requireSecret("seed"),
          renewBefore: "3h",
        });
        new ScopedToken("reader", {
          accessToken: user.accessToken,
          target: "acme",
          repositories: ["api", "web"],
          permissions: { contents: "read", metadata: "read" },
          renewBefore: "2h",
          rotationTrigger: "2026-12",
        });
        new ScopedTokenSet("bots", {
          accessToken: user.accessToken,
          renewBefore: "6h",
          scopes: { docs: { target: "acme", repositories: ["docs"], permissions: { issues: "read" } } },
        });
        return Promise.resolve();
      },
      { ...connection, "policy-tests:seed": { value: seed.refresh_token ?? "", secret: true } },
    );
    stacks.push(stack);
    await world.admin.clearRequests();
    const result = await stack.preview(writePolicyConfig(teamConfig("mandatory")));

    expect(result.failed, result.output.slice(-3000)).toBe(false);
    expect(reportedViolations(result.output)).toEqual([]);
    expect(result.output).toContain("ghes-oauth@v0.1.0");
    expect(await world.admin.requests()).toEqual([]);
  });

  it("no secret value in the output of any violating run", () => {
    const search = searchSecrets(violatingOutputs, secrets);
    console.info(
      `secrets search: ${search.searched} outputs, ${search.secrets} secret values each, ${search.hits.length} found`,
    );
    expect(search.searched).toBe(3);
    expect(search.hits).toEqual([]);
  });
});

const config = () => new pulumi.Config("policy-tests");
