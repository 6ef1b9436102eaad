// Pure tests, no engine: the outputs keep the parent token as its digest, and diff judges a parent
// change from it, for state written now and for state written by earlier versions (the token itself).
// state-shape.test.ts proves the same through the real engine.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diffState } from "../dist/runtime/scoped-token/diff-state.js";
import { stateInputs } from "../dist/runtime/scoped-token/scope-request.js";

const parent = "ghu_0123456789abcdefghijklmnopqrstuvwxyz";
const other = "ghu_zyxwvutsrqponmlkjihgfedcba9876543210";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const inputs = { accessToken: parent, target: "acme", permissions: { contents: "read" as const } };

describe("the parent token in state", () => {
  it("is kept in the outputs as its sha256 only", () => {
    const state = stateInputs(inputs);
    expect(state).toEqual({
      target: "acme",
      permissions: { contents: "read" },
      accessTokenHash: sha256(parent),
    });
    expect(JSON.stringify(state)).not.toContain(parent);
  });

  it.each([
    ["state with the digest", { ...stateInputs(inputs) }],
    ["state written by earlier versions (the token itself)", { ...inputs }],
  ])("in %s: the same parent is no change, another one is", (_name, olds) => {
    expect(diffState(olds, inputs).changes).toBe(false);
    // Whether a new parent replaces or only updates is the diff's policy; that it is seen is the point.
    expect(diffState(olds, { ...inputs, accessToken: other }).changes).toBe(true);
  });
});
