// Pure tests of ScopedTokenSet's check: every entry judged by the scope call's rules, each mistake named
// by its path with the fix, no value shown, no secret pointed at. scoped-token-set.test.ts proves a
// misspelt key fails `pulumi preview` through the real engine.
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc.js";
import { describe, expect, it } from "vitest";
import { checkTokenSet } from "../dist/runtime/token-set/check-token-set.js";

const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
const connection = {
  baseUrl: "https://ghe.example.com",
  clientId: "Iv1.0123456789abcdef",
  clientSecret: "0123456789abcdef0123456789abcdef01234567",
};
const accessToken = "ghu_0123456789abcdefghijklmnopqrstuvwxyz";
const valid = {
  accessToken: secret(accessToken),
  connection: secret(connection),
  scopes: {
    "ci-read": { target: "acme", repositories: ["api"], permissions: { contents: "read" } },
    "bot_2.x": { targetId: 42, repositoryIds: [7], permissions: { issues: "write" } },
  },
};
const reasons = async (news: Record<string, unknown>) =>
  ((await checkTokenSet({}, news)).failures ?? []).map(
    (failure) => `${failure.property} | ${failure.reason}`,
  );

describe("checkTokenSet", () => {
  it("passes valid inputs as given", async () => {
    expect(await checkTokenSet({}, valid)).toEqual({ inputs: valid });
  });

  it("names each bad entry by its path and says what to do", async () => {
    const found = await reasons({
      ...valid,
      scopes: {
        typo: { target: "acme", permission: { contents: "read" } },
        both: { target: "acme", targetId: 1, permissions: { contents: "read" } },
        level: { target: "acme", permissions: { contents: "admin" } },
        empty: { target: "acme", permissions: {} },
        trigger: { target: "acme", permissions: { contents: "read" }, rotationTrigger: 3 },
        "bad name!": { target: "acme", permissions: { contents: "read" } },
      },
    });
    const text = found.join("\n");
    expect(text).toContain("scopes.typo.permission: unknown key; an entry accepts target, targetId,");
    expect(text).toContain("scopes.typo.permissions: required: name at least one permission");
    expect(text).toContain("scopes.both.target: give target or targetId, not both");
    expect(text).toMatch(/scopes\.level\.permissions\.contents: .*read/);
    expect(text).toContain("scopes.empty.permissions: required");
    expect(text).toContain("scopes.trigger.rotationTrigger: must be a string");
    expect(text).toContain("entry names use letters, digits");
    // Never pointed at `scopes`: the engine would print every entry, a misspelt key's value too.
    for (const line of found) expect(line.startsWith(" | ")).toBe(true);
  });

  it("asks for at least one entry, and for an object of entries", async () => {
    expect(await reasons({ ...valid, scopes: {} })).toEqual([
      " | scopes: required: declare at least one token",
    ]);
    const [listed] = await reasons({ ...valid, scopes: [{ target: "acme" }] });
    expect(listed).toContain("must be an object of named entries");
  });

  it("allows unknown permission names only with allowUnknownPermissions", async () => {
    const scopes = { next: { target: "acme", permissions: { future_thing: "read" } } };
    expect((await reasons({ ...valid, scopes })).join("\n")).toContain("scopes.next.permissions");
    expect(await reasons({ ...valid, scopes, allowUnknownPermissions: true })).toEqual([]);
  });

  it("never points the engine at a secret input, and suggests the nearest property name", async () => {
    const found = await reasons({ ...valid, accessToken: secret(""), scope: {} });
    expect(found).toContain(" | accessToken: must not be empty");
    expect(found.join("\n")).toContain("scope: unknown property; did you mean scopes?");
    expect(found.join("\n")).not.toContain(accessToken);
  });
});
