// Pure tests of diff: which input changes replace the token, which update it in place, and that values
// unknown at preview count as changes. lifecycle.test.ts and connection.test.ts prove the same through the
// real engine.
import { unknownValue } from "@pulumi/pulumi/runtime/rpc.js";
import { describe, expect, it } from "vitest";
import { diffState } from "../dist/runtime/scoped-token/diff-state.js";

const olds = {
  accessToken: "ghu_0123456789abcdefghijklmnopqrstuvwxyz",
  target: "acme",
  repositories: ["api", "web"],
  permissions: { contents: "read", metadata: "read" },
  rotationTrigger: "2026-Q3",
  connection: { baseUrl: "https://ghe.example.com", clientId: "Iv1.a", clientSecret: "s" },
  token: "ghu_minted",
  hashedToken: "ab".repeat(32),
};

describe("diff", () => {
  it("finds no change when the inputs are the same, whatever the state holds besides", () => {
    const { token: _, hashedToken: __, ...inputs } = olds;
    expect(diffState(olds, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("treats repository lists as sets: reordering changes nothing", () => {
    expect(diffState(olds, { ...olds, repositories: ["web", "api"] }).changes).toBe(false);
    expect(diffState({ ...olds, repositoryIds: [2, 1] }, { ...olds, repositoryIds: [1, 2] }).changes).toBe(
      false,
    );
  });

  it.each([
    ["target", "other-org"],
    ["targetId", 42],
    ["repositories", ["api"]],
    ["repositoryIds", [7]],
    ["permissions", { contents: "write", metadata: "read" }],
  ])(
    "replaces the token when %s changes (the new one is created before the old is revoked)",
    (property, value) => {
      expect(diffState(olds, { ...olds, [property]: value })).toEqual({
        changes: true,
        replaces: [property],
        deleteBeforeReplace: false,
      });
    },
  );

  it("updates in place when only the parent accessToken, rotationTrigger or the connection changes", () => {
    expect(diffState(olds, { ...olds, accessToken: "ghu_another0123456789abcdefghijklmnopqrs" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffState(olds, { ...olds, rotationTrigger: "2026-Q4" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const moved = { ...olds, connection: { ...olds.connection, baseUrl: "https://ghe.example.com/" } };
    expect(diffState(olds, moved)).toMatchObject({ changes: true, replaces: [] });
  });

  it("lists every replacing property that changed at once", () => {
    const news = { ...olds, target: "other-org", permissions: { issues: "write" }, rotationTrigger: "x" };
    expect(diffState(olds, news).replaces).toEqual(["target", "permissions"]);
  });

  it("counts a value unknown at preview as a change, at the top level or nested", () => {
    expect(diffState(olds, { ...olds, target: unknownValue }).replaces).toEqual(["target"]);
    expect(diffState(olds, { ...olds, repositories: ["api", unknownValue] }).replaces).toEqual([
      "repositories",
    ]);
    expect(diffState(olds, { ...olds, permissions: { contents: unknownValue } }).replaces).toEqual([
      "permissions",
    ]);
    expect(diffState(olds, { ...olds, rotationTrigger: unknownValue })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("replaces when a scope property is added or removed", () => {
    const { repositories: _, ...allRepositories } = olds;
    expect(diffState(olds, allRepositories).replaces).toEqual(["repositories"]);
    expect(diffState(allRepositories, olds).replaces).toEqual(["repositories"]);
  });
});
