import { describe, expect, it } from "vitest";
import { diffState } from "../dist/runtime/scoped-token/diff-state.js";
import { dueForRenewal } from "../dist/runtime/shared/renewal.js";
import { UNKNOWN_VALUE } from "../dist/runtime/shared/unknown-value.js";
import { diffUserTokenState } from "../dist/runtime/user-token/diff-user-token.js";
import { seedHash } from "../dist/runtime/user-token/seed-hash.js";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const inHours = (hours: number) => `${new Date(NOW + hours * 3600_000).toISOString().slice(0, 19)}Z`;

describe("dueForRenewal", () => {
  it("is due within renewBefore (default 1h), or once expired", () => {
    expect(dueForRenewal(inHours(0.5), undefined, NOW)).toBe(true);
    expect(dueForRenewal(inHours(1), undefined, NOW)).toBe(true);
    expect(dueForRenewal(inHours(1.01), undefined, NOW)).toBe(false);
    expect(dueForRenewal(inHours(-3), undefined, NOW)).toBe(true);
    expect(dueForRenewal(inHours(4), "4h30m", NOW)).toBe(true);
    expect(dueForRenewal(inHours(4), 3 * 3600, NOW)).toBe(false);
  });

  it("a token that never expires is never due", () => {
    expect(dueForRenewal(null, "8h", NOW)).toBe(false);
    expect(dueForRenewal(undefined, "8h", NOW)).toBe(false);
  });
});

describe("ScopedToken diff", () => {
  const olds = {
    accessToken: "ghu_parent1",
    target: "acme",
    permissions: { contents: "read" },
    token: "ghu_child",
    expiresAt: inHours(6),
  };
  const news = { accessToken: "ghu_parent1", target: "acme", permissions: { contents: "read" } };

  it("no change, far from expiry: nothing", () => {
    expect(diffState(olds, news, NOW)).toMatchObject({ changes: false, replaces: [] });
  });

  it("a new parent accessToken alone updates in place (no re-mint)", () => {
    expect(diffState(olds, { ...news, accessToken: "ghu_parent2" }, NOW)).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(diffState(olds, { ...news, accessToken: UNKNOWN_VALUE }, NOW)).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("expiring within renewBefore replaces, create before delete", () => {
    expect(diffState(olds, { ...news, renewBefore: "7h" }, NOW)).toEqual({
      changes: true,
      replaces: ["expiresAt"],
      deleteBeforeReplace: false,
    });
    expect(diffState({ ...olds, expiresAt: inHours(0.5) }, news, NOW).replaces).toEqual(["expiresAt"]);
  });

  it("an unknown renewBefore (preview) is judged with the one in state", () => {
    const state = { ...olds, renewBefore: "7h" };
    expect(diffState(state, { ...news, renewBefore: UNKNOWN_VALUE }, NOW).replaces).toEqual(["expiresAt"]);
  });

  it("never renews a token that does not expire, nor without a server time", () => {
    expect(diffState({ ...olds, expiresAt: null }, { ...news, renewBefore: "100h" }, NOW).replaces).toEqual(
      [],
    );
    expect(diffState({ ...olds, expiresAt: inHours(0.1) }, news).replaces).toEqual([]);
  });

  it("a scope change still replaces", () => {
    expect(diffState(olds, { ...news, permissions: { contents: "write" } }, NOW).replaces).toEqual([
      "permissions",
    ]);
  });
});

describe("UserToken diff", () => {
  const seed = "ghr_seed";
  const olds = { seedHash: seedHash(seed), expiresAt: inHours(5), refreshToken: "ghr_current" };

  it("the same seed, far from expiry: nothing (the seed is not compared with the rotated token)", () => {
    expect(diffUserTokenState(olds, { refreshToken: seed }, NOW)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("due within renewBefore: update, never replace", () => {
    expect(diffUserTokenState({ ...olds, expiresAt: inHours(0.5) }, { refreshToken: seed }, NOW)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffUserTokenState(olds, { refreshToken: seed, renewBefore: "5h" }, NOW).changes).toBe(true);
    expect(diffUserTokenState(olds, { refreshToken: seed, renewBefore: "4h" }, NOW).changes).toBe(true);
  });

  it("a new seed (a new sign-in) is an update", () => {
    expect(diffUserTokenState(olds, { refreshToken: "ghr_new_sign_in" }, NOW)).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("settings changes are updates", () => {
    expect(diffUserTokenState(olds, { refreshToken: seed, revokeOnDelete: "grant" }, NOW).changes).toBe(true);
  });
});
