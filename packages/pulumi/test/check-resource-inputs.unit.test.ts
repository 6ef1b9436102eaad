// Pure tests of the check machinery, no engine: what it reports, and that it never points the engine at
// a value. bad-input.test.ts proves the same through the real engine.
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { scopedTokenInputRules } from "../dist/runtime/scoped-token/inputs-schema.js";
import {
  checkResourceInputs,
  type ResourceInputRules,
} from "../dist/runtime/shared/check-resource-inputs.js";
import { nearestName } from "../dist/runtime/shared/nearest-name.js";

const userToken = "ghu_0123456789abcdefghijklmnopqrstuvwxyz";
const clientSecret = "0123456789abcdef0123456789abcdef01234567";
/** A value as the provider protocol carries a secret, for a host that keeps the marker. */
const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
const valid = { accessToken: userToken, target: "acme", permissions: { contents: "read" } };

const check = (news: Record<string, unknown>, rules: ResourceInputRules = scopedTokenInputRules) =>
  checkResourceInputs(news, rules).failures ?? [];

describe("unknown keys", () => {
  it("are named with the nearest property, their value not shown", () => {
    const failures = check({ ...valid, conection: { baseUrl: "https://ghe.example.com", clientSecret } });
    expect(failures).toEqual([
      {
        property: "",
        reason:
          "conection: unknown property; did you mean connection? ScopedToken accepts accessToken, target, " +
          "targetId, repositories, repositoryIds, permissions, allowUnknownPermissions, rotationTrigger, connection, renewBefore",
      },
    ]);
    expect(JSON.stringify(failures)).not.toContain(clientSecret);
  });

  it("far from every property get the list without a guess", () => {
    const [failure] = check({ ...valid, zzz: userToken });
    expect(failure?.reason).toMatch(/^zzz: unknown property; ScopedToken accepts accessToken, /);
    expect(failure?.property).toBe("");
  });

  it("the engine's own __provider is not one", () => {
    expect(check({ ...valid, __provider: "exports.handler = ..." })).toEqual([]);
  });

  it("nearest names ignore case and allow a few edits, in proportion to the name", () => {
    const names = scopedTokenInputRules.properties;
    expect(nearestName("AccessToken", names)).toBe("accessToken");
    expect(nearestName("permission", names)).toBe("permissions");
    expect(nearestName("repositoryId", names)).toBe("repositoryIds");
    expect(nearestName("rotationTriger", names)).toBe("rotationTrigger");
    expect(nearestName("token", names)).toBeUndefined();
    expect(nearestName("x", names)).toBeUndefined();
  });
});

describe("secrets unwrapped before check (what the engine does for dynamic providers today)", () => {
  // Nothing in the inputs says which were secrets, so no failure may point the engine at a value.
  const mistakes: Record<string, unknown>[] = [
    { ...valid, target: "" },
    { ...valid, targetId: 1 },
    { ...valid, target: undefined },
    { ...valid, target: null },
    { ...valid, permissions: { contents: "admin" } },
    { ...valid, repositories: "api" },
    { ...valid, repositoryIds: ["api"] },
    { ...valid, rotationTrigger: 7 },
    { ...valid, accessToken: ` ${userToken}` },
    { ...valid, connection: { baseUrl: "http://ghe.example.com", clientId: "Iv1.x", clientSecret } },
    { ...valid, permision: { contents: "read" } },
  ];

  it.each(mistakes)("%# fails, each failure named in its reason and pointing at no value", (news) => {
    const failures = check(news);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.property).toBe("");
      expect(failure.reason).toMatch(/^[A-Za-z]+(\.\w+)*: /);
      expect(failure.reason).not.toContain(userToken);
      expect(failure.reason).not.toContain(clientSecret);
    }
  });

  it("valid inputs pass and come back as given", () => {
    const news = { ...valid, rotationTrigger: "1", __provider: "p" };
    expect(checkResourceInputs(news, scopedTokenInputRules)).toEqual({ inputs: news });
  });
});

describe("secrets kept as marked values (a host that forwards them)", () => {
  it("a secret is judged by what it holds", () => {
    const news = { ...valid, accessToken: secret(userToken), target: secret("acme") };
    expect(check(news)).toEqual([]);
    expect(checkResourceInputs(news, scopedTokenInputRules).inputs).toBe(news);
  });

  it("a failing secret, or a value holding one, is named in the reason, never pointed at", () => {
    const failures = check({
      accessToken: secret(userToken),
      target: secret(""),
      permissions: { contents: secret("admin") },
    });
    expect(failures).toEqual([
      { property: "", reason: "target: must be a non-empty user or organization login" },
      { property: "", reason: 'permissions.contents: "contents" accepts "read" or "write"' },
    ]);
  });

  it("a plain value next to them may be pointed at: the markers prove it is no secret", () => {
    const failures = check({ ...valid, accessToken: secret(userToken), rotationTrigger: 7 });
    expect(failures).toEqual([
      { property: "rotationTrigger", reason: "must be a string (any value; change it to rotate)" },
    ]);
  });

  it("a pair's failure is not pointed at the plain one when its partner is secret (the reason is about both)", () => {
    const failures = check({ ...valid, accessToken: secret(userToken), targetId: secret(1) });
    expect(failures).toEqual([{ property: "", reason: "target: give target or targetId, not both" }]);
  });

  it("an always-secret property is never pointed at, marked or not", () => {
    const failures = check({ ...valid, accessToken: secret(""), connection: secret({ baseUrl: 1 }) });
    expect(failures.map((failure) => failure.property)).toEqual(["", "", "", ""]);
    expect(failures.map((failure) => failure.reason.split(":")[0])).toEqual([
      "accessToken",
      "connection.baseUrl",
      "connection.clientId",
      "connection.clientSecret",
    ]);
  });
});

describe("values not known yet (preview)", () => {
  it("are not judged, nor the rules pairing them with another property", () => {
    expect(check({ ...valid, target: unknownValue, targetId: 1 })).toEqual([]);
    expect(check({ ...valid, repositories: [unknownValue], repositoryIds: [1] })).toEqual([]);
    expect(check({ ...valid, permissions: { contents: unknownValue } })).toEqual([]);
  });

  it("other properties still are", () => {
    expect(check({ ...valid, target: unknownValue, rotationTrigger: 7 })).toEqual([
      { property: "", reason: "rotationTrigger: must be a string (any value; change it to rotate)" },
    ]);
  });

  it("an unknown key is reported even when its value is not known yet", () => {
    expect(check({ ...valid, conection: unknownValue })[0]?.reason).toMatch(/^conection: unknown property;/);
  });
});

describe("another resource's rules (how UserToken reuses the machinery)", () => {
  const userTokenRules: ResourceInputRules = {
    resource: "UserToken",
    properties: ["refreshToken", "renewBefore", "connection", "revokeOnDelete"],
    secretProperties: ["refreshToken", "connection"],
    schema: z.object({
      refreshToken: z.string().min(1, { error: "must not be empty" }),
      renewBefore: z.string().optional(),
      revokeOnDelete: z.boolean({ error: "must be true or false" }).optional(),
    }),
  };

  it("reports its own unknown keys and mistakes, pointing at no value", () => {
    const refreshToken = "ghr_0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuv";
    const failures = check(
      { refreshToken: "", refreshTokn: refreshToken, revokeOnDelete: "yes" },
      userTokenRules,
    );
    expect(failures).toEqual([
      {
        property: "",
        reason:
          "refreshTokn: unknown property; did you mean refreshToken? UserToken accepts refreshToken, " +
          "renewBefore, connection, revokeOnDelete",
      },
      { property: "", reason: "refreshToken: must not be empty" },
      { property: "", reason: "revokeOnDelete: must be true or false" },
    ]);
    expect(JSON.stringify(failures)).not.toContain(refreshToken);
  });
});

describe("a secret map's keys (issue 18, defect 9)", () => {
  const name = "zq_secret_permission_name";
  const expected = [
    {
      property: "",
      reason:
        "permissions: 2 unknown permission names and 1 other problem; not named because permissions is a secret: check its keys and levels against the permission catalogue (or validate the map without pulumi.secret)",
    },
  ];
  const map = { [name]: "read", [`${name}_2`]: "write", contents: "admin" };

  it("are counted, not named, when the map carries the secret marker", () => {
    const failures = check({ ...valid, accessToken: secret(userToken), permissions: secret(map) });
    expect(failures).toEqual(expected);
  });

  it("are counted, not named, when the program's hidden input says the map is secret; the hint is not kept", () => {
    const result = checkResourceInputs(
      { ...valid, permissions: map, __secretInputs: ["permissions"] },
      scopedTokenInputRules,
    );
    expect(result.failures).toEqual(expected);
    expect(result.inputs).not.toHaveProperty("__secretInputs");
    const passing = checkResourceInputs({ ...valid, __secretInputs: ["permissions"] }, scopedTokenInputRules);
    expect(passing).toEqual({ inputs: valid });
  });
});
