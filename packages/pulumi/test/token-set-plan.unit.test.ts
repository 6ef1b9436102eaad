// Pure tests of what an `up` does to each entry of a ScopedTokenSet; scoped-token-set.test.ts proves
// the same decisions through the real engine and the emulator.
import { describe, expect, it } from "vitest";
import { planTokenSet, sameSpec } from "../dist/runtime/token-set/token-set-plan.js";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const inHours = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
const read = { target: "acme", repositories: ["api", "web"], permissions: { contents: "read" as const } };
const write = { target: "acme", permissions: { issues: "write" as const } };
const olds = {
  scopes: { a: read, b: write, c: read },
  tokens: { a: "token-a", b: "token-b", c: "token-c" },
  expiresAt: { a: inHours(8), b: inHours(0.5), c: null },
};

describe("planTokenSet", () => {
  it("keeps every entry whose scope is the same and whose token is not due", () => {
    const plan = planTokenSet(olds, olds.scopes, "10m", NOW);
    expect(plan).toEqual({ keep: ["a", "b", "c"], mint: [], retire: [], reasons: {} });
  });

  it("mints a new entry and retires nothing for it", () => {
    const plan = planTokenSet(olds, { ...olds.scopes, b: write, d: write }, "10m", NOW);
    expect(plan.mint).toEqual(["d"]);
    expect(plan.reasons).toEqual({ d: "new" });
    expect(plan.retire).toEqual([]);
  });

  it("mints a changed entry anew and retires its old token", () => {
    const plan = planTokenSet(
      olds,
      { ...olds.scopes, a: { ...read, permissions: { contents: "write" } } },
      "10m",
      NOW,
    );
    expect(plan).toMatchObject({ mint: ["a"], retire: ["a"], reasons: { a: "changed" } });
  });

  it("treats a changed rotationTrigger as a change", () => {
    const plan = planTokenSet(
      olds,
      { ...olds.scopes, c: { ...read, rotationTrigger: "2026-12" } },
      "10m",
      NOW,
    );
    expect(plan).toMatchObject({ mint: ["c"], retire: ["c"], reasons: { c: "changed" } });
  });

  it("renews an entry expiring within renewBefore on the server's clock, and one already expired", () => {
    expect(planTokenSet(olds, olds.scopes, "1h", NOW)).toMatchObject({
      keep: ["a", "c"],
      mint: ["b"],
      retire: ["b"],
      reasons: { b: "renewal" },
    });
    expect(planTokenSet(olds, olds.scopes, "10m", NOW + 2 * 3_600_000).mint).toEqual(["b"]);
    expect(planTokenSet(olds, olds.scopes, "10m", NOW).mint).toEqual([]);
  });

  it("never renews a token that does not expire, and judges no expiry without the server's time", () => {
    expect(planTokenSet(olds, olds.scopes, "1h", NOW + 1_000 * 3_600_000).keep).toEqual(["c"]);
    expect(planTokenSet(olds, olds.scopes, "1h").mint).toEqual([]);
  });

  it("mints an entry whose token refresh dropped (revoked or expired out of band)", () => {
    const { b: _dropped, ...tokens } = olds.tokens;
    const plan = planTokenSet({ ...olds, tokens }, olds.scopes, "10m", NOW);
    expect(plan).toMatchObject({ mint: ["b"], retire: [], reasons: { b: "missing" } });
  });

  it("retires the tokens of removed entries", () => {
    const plan = planTokenSet(olds, { a: read }, "10m", NOW);
    expect(plan).toMatchObject({ keep: ["a"], mint: [], retire: ["b", "c"] });
  });

  it("retires a token held under a name the old scopes do not know, minting the new entry", () => {
    const plan = planTokenSet({ ...olds, scopes: { a: read } }, { a: read, b: write }, "10m", NOW);
    expect(plan).toMatchObject({ mint: ["b"], retire: ["b", "c"], reasons: { b: "changed" } });
  });
});

describe("sameSpec", () => {
  it("ignores the order of repositories and repository IDs (sets to the API)", () => {
    expect(sameSpec(read, { ...read, repositories: ["web", "api"] })).toBe(true);
    expect(
      sameSpec(
        { target: "acme", repositoryIds: [3, 1], permissions: {} },
        { target: "acme", repositoryIds: [1, 3], permissions: {} },
      ),
    ).toBe(true);
  });

  it("sees a different repository, permission level, target or trigger", () => {
    expect(sameSpec(read, { ...read, repositories: ["api"] })).toBe(false);
    expect(sameSpec(read, { ...read, permissions: { contents: "write" } })).toBe(false);
    expect(sameSpec(read, { ...read, target: "other" })).toBe(false);
    expect(sameSpec(read, { ...read, rotationTrigger: "1" })).toBe(false);
  });
});
