import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkAllowedTargets,
  checkPermissionCeiling,
  checkRenewalWindow,
  checkRepositorySelection,
  checkRevokeOnDelete,
  checkSecretInputs,
  checkTokensPerUser,
  decodeEngineProperties,
  inputLeaves,
  judgeScopeRequest,
  PolicyConfigError,
  readPolicyConfig,
  resourceKindOf,
  reveal,
  type ScopeRequest,
  scopeRequestsOf,
  UNKNOWN,
} from "../src/rules/index.js";

const settings = (file: Record<string, unknown> = {}) => readPolicyConfig(file).settings;
const scope = (request: Omit<ScopeRequest, "subject" | "propertyPrefix">): ScopeRequest => ({
  subject: 'ScopedToken "t"',
  propertyPrefix: "",
  ...request,
});
const messages = (list: readonly { message: string }[]) => list.map((found) => found.message);

describe("policy config file", () => {
  it("without settings: secret inputs mandatory, the rest advisory, with the documented defaults", () => {
    const config = readPolicyConfig({});
    expect(config.levels["ghes-oauth-secret-inputs"]).toBe("mandatory");
    expect(config.levels["ghes-oauth-permission-ceiling"]).toBe("advisory");
    expect(config.settings["ghes-oauth-permission-ceiling"].otherPermissions).toBe("write");
    expect(config.settings["ghes-oauth-repository-selection"].allowAll).toBe(false);
    expect(config.settings["ghes-oauth-revoke-on-delete"].allowed).toEqual(["token", "grant"]);
  });

  it("levels: `all`, then a policy's own (a string or enforcementLevel)", () => {
    const config = readPolicyConfig({
      all: "disabled",
      "ghes-oauth-allowed-targets": "mandatory",
      "ghes-oauth-tokens-per-user": { enforcementLevel: "advisory", max: 2 },
    });
    expect(config.levels["ghes-oauth-secret-inputs"]).toBe("disabled");
    expect(config.levels["ghes-oauth-allowed-targets"]).toBe("mandatory");
    expect(config.levels["ghes-oauth-tokens-per-user"]).toBe("advisory");
  });

  it.each([
    [
      { "ghes-oauth-permission-ceiling": { ceiling: { isues: "read" } } },
      'unknown permission "isues"; did you mean "issues"?',
    ],
    [{ "ghes-oauth-permission-ceiling": { deny: ["adminstration"] } }, 'did you mean "administration"?'],
    [
      { "ghes-oauth-permission-ceiling": { ceiling: { issues: "maintain" } } },
      "ceiling.issues: must be one of",
    ],
    [{ "ghes-oauth-renewal-window": { minRenewBefore: "2 hours" } }, "minRenewBefore: must be a duration"],
    [
      { "ghes-oauth-renewal-window": { minRenewBefore: "6h", maxRenewBefore: "2h" } },
      "longer than maxRenewBefore",
    ],
    [
      { "ghes-oauth-allowed-targets": { target: ["acme"] } },
      "allowed-targets.target: not a setting of this policy; it takes targets, targetIds",
    ],
    [{ "ghes-oauth-permission-ceilings": {} }, "not a policy of @ghes-oauth/policy"],
    [{ "ghes-oauth-secret-inputs": "strict" }, 'must be one of "advisory", "mandatory", "disabled"'],
  ])("refuses %j naming the key and the fix", (file, message) => {
    expect(() => readPolicyConfig(file)).toThrow(PolicyConfigError);
    expect(() => readPolicyConfig(file)).toThrow(message);
  });
});

describe("rules", () => {
  it("allowed targets: by login (any case) or ID; the other form cannot be matched; unknown is no violation", () => {
    const config = settings({ "ghes-oauth-allowed-targets": { targets: ["Acme"] } })[
      "ghes-oauth-allowed-targets"
    ];
    expect(checkAllowedTargets(config, scope({ target: "acme" }))).toEqual([]);
    expect(messages(checkAllowedTargets(config, scope({ target: "beta" })))).toEqual([
      'ScopedToken "t": target is "beta", not an allowed account; scope it to one of the allowed accounts ("Acme"), or ask the security team to add it to targets/targetIds',
    ]);
    expect(messages(checkAllowedTargets(config, scope({ targetId: 7 }))).join()).toContain("use target");
    expect(checkAllowedTargets(config, scope({ target: UNKNOWN }))).toEqual([]);
    expect(checkAllowedTargets(settings()["ghes-oauth-allowed-targets"], scope({ target: "x" }))).toEqual([]);
  });

  it("permission ceiling: own ceiling, otherPermissions, deny, none; unknown levels skipped", () => {
    const config = settings({
      "ghes-oauth-permission-ceiling": {
        ceiling: { contents: "read", secrets: "none" },
        otherPermissions: "write",
        deny: ["administration"],
      },
    })["ghes-oauth-permission-ceiling"];
    const found = checkPermissionCeiling(
      config,
      scope({
        permissions: {
          contents: "write",
          secrets: "read",
          administration: "read",
          issues: "write",
          actions: "admin",
          pages: UNKNOWN,
        },
      }),
    );
    expect(found.map((item) => item.property)).toEqual([
      "permissions.contents",
      "permissions.secrets",
      "permissions.administration",
      "permissions.actions",
    ]);
    expect(found[1]?.message).toContain('above its ceiling "none" (ceiling.secrets); remove it');
    expect(found[3]?.message).toContain("(otherPermissions)");
    expect(checkPermissionCeiling(config, scope({ permissions: UNKNOWN }))).toEqual([]);
  });

  it("repository selection: all refused unless allowed, a maximum, unknown lists skipped", () => {
    const strict = settings({ "ghes-oauth-repository-selection": { maxRepositories: 1 } })[
      "ghes-oauth-repository-selection"
    ];
    expect(checkRepositorySelection(strict, scope({})).map((item) => item.property)).toEqual([
      "repositories",
    ]);
    expect(checkRepositorySelection(strict, scope({ repositoryIds: [1, 2] }))[0]?.message).toContain(
      "repositoryIds lists 2 repositories, more than the maximum 1",
    );
    expect(checkRepositorySelection(strict, scope({ repositories: UNKNOWN }))).toEqual([]);
    const open = settings({ "ghes-oauth-repository-selection": { allowAll: true } })[
      "ghes-oauth-repository-selection"
    ];
    expect(checkRepositorySelection(open, scope({}))).toEqual([]);
  });

  it("renewal window: the default 1h counts, numbers of seconds too; unknown and malformed are skipped", () => {
    const config = settings({ "ghes-oauth-renewal-window": { minRenewBefore: "2h", maxRenewBefore: 21600 } })[
      "ghes-oauth-renewal-window"
    ];
    expect(checkRenewalWindow(config, "X", undefined)[0]?.message).toContain('not set, so the default "1h"');
    expect(checkRenewalWindow(config, "X", 7200)).toEqual([]);
    expect(checkRenewalWindow(config, "X", "7h")[0]?.message).toContain("longer than the maximum");
    expect(checkRenewalWindow(config, "X", UNKNOWN)).toEqual([]);
    expect(checkRenewalWindow(config, "X", "soon")).toEqual([]);
  });

  it("revoke on delete: none refused by default, the default token allowed", () => {
    const config = settings()["ghes-oauth-revoke-on-delete"];
    expect(checkRevokeOnDelete(config, "U", "none")[0]?.message).toContain(
      "pulumi destroy would leave the token live",
    );
    expect(checkRevokeOnDelete(config, "U", undefined)).toEqual([]);
    expect(checkRevokeOnDelete(config, "U", UNKNOWN)).toEqual([]);
  });

  it("secret inputs: plain token inputs and token-shaped plain strings; secrets pass; no value in messages", () => {
    const token = `ghu_${"a".repeat(36)}`;
    const wire = decodeEngineProperties({
      accessToken: token,
      refreshToken: {
        "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
        value: "ghr_x",
      },
      rotationTrigger: `prefix ${token}`,
      scopes: { a: { rotationTrigger: "2026-01" } },
      target: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    });
    const found = checkSecretInputs("S", inputLeaves(wire));
    expect(found.map((item) => item.property)).toEqual(["accessToken", "rotationTrigger"]);
    expect(found.map((item) => item.message).join()).not.toContain(token);
    expect(reveal(wire)).toMatchObject({ refreshToken: "ghr_x", target: UNKNOWN });
  });

  it("tokens per user: counted per parent across resources, listed in order", () => {
    const minted = [
      { parentKey: "u", parentLabel: 'UserToken "u"', subject: 'ScopedTokenSet "s"', count: 2 },
      { parentKey: "u", parentLabel: 'UserToken "u"', subject: 'ScopedToken "a"', count: 1 },
      { parentKey: "v", parentLabel: 'UserToken "v"', subject: 'ScopedToken "b"', count: 3 },
    ];
    expect(messages(checkTokensPerUser({ max: 2 }, minted))).toEqual([
      'UserToken "u": mints 3 scoped tokens through accessToken, more than the maximum 2 (max): ScopedToken "a" (1), ScopedTokenSet "s" (2); sign in a second user for the rest, or ask the security team to raise max',
      'UserToken "v": mints 3 scoped tokens through accessToken, more than the maximum 2 (max): ScopedToken "b" (3); sign in a second user for the rest, or ask the security team to raise max',
    ]);
    expect(checkTokensPerUser({}, minted)).toEqual([]);
  });
});

describe("resources", () => {
  it("knows the dynamic and the native types, nothing else", () => {
    expect(resourceKindOf("pulumi-nodejs:dynamic/ghes-oauth:ScopedTokenSet")).toBe("ScopedTokenSet");
    expect(resourceKindOf("ghes-oauth:index:UserToken")).toBe("UserToken");
    expect(resourceKindOf("pulumi-nodejs:dynamic:Resource")).toBeUndefined();
    expect(resourceKindOf("pulumi:providers:ghes-oauth")).toBeUndefined();
  });

  it("a set's entries are scope requests named by entry; unknown scopes give none", () => {
    const requests = scopeRequestsOf("ScopedTokenSet", "bots", {
      scopes: { api: { target: "acme", permissions: { contents: "read" } }, later: UNKNOWN },
    });
    expect(requests).toEqual([
      {
        subject: 'ScopedTokenSet "bots" entry "api"',
        propertyPrefix: "scopes.api.",
        target: "acme",
        permissions: { contents: "read" },
      },
    ]);
    expect(scopeRequestsOf("ScopedTokenSet", "bots", { scopes: UNKNOWN })).toEqual([]);
  });

  it("judgeScopeRequest splits by level and skips disabled policies", () => {
    const config = readPolicyConfig({
      "ghes-oauth-allowed-targets": { enforcementLevel: "mandatory", targets: ["acme"] },
      "ghes-oauth-repository-selection": "disabled",
    });
    const judged = judgeScopeRequest(config, scope({ target: "beta", permissions: { contents: "admin" } }));
    expect(judged.mandatory.map((item) => item.policy)).toEqual(["ghes-oauth-allowed-targets"]);
    expect(judged.advisory.map((item) => item.policy)).toEqual(["ghes-oauth-permission-ceiling"]);
  });
});

describe("the root README's sample config", () => {
  it("is a valid policy config file", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Guardrails"));
    const sample = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(sample, "the Guardrails section's JSON sample").toBeDefined();
    const config = readPolicyConfig(JSON.parse(sample as string));
    expect(config.levels["ghes-oauth-permission-ceiling"]).toBe("mandatory");
    expect(config.settings["ghes-oauth-permission-ceiling"].deny).toContain("administration");
  });
});
