import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  contractShape,
  ECHOED,
  inputNames,
  outputNames,
  type ResourceContract,
  replacingInputs,
  scopedTokenContract,
  secretInputs,
  secretOutputs,
  stateProperties,
} from "../src/contract/index.js";
import { diffState } from "../src/runtime/scoped-token/diff-state.js";
import { scopedTokenInputRules } from "../src/runtime/scoped-token/inputs-schema.js";

// A resource contract as a new resource would write it: what the runtime and the schema derive from it.
const sample = {
  token: "ghes-oauth:index:Sample",
  description: "A sample.",
  inputs: {
    secretInput: {
      type: { type: "string" },
      description: "A secret.",
      secret: true,
      required: true,
      state: false,
    },
    scope: { type: { type: "string" }, description: "Replaces.", replaceOnChanges: true },
    note: { type: { type: "string" }, description: "A note." },
    enabled: { type: { type: "boolean" }, description: "On or off." },
  },
  outputs: {
    value: { type: { type: "string" }, description: "The value.", secret: true, required: true },
    note: ECHOED,
    facts: { type: { type: "integer" }, description: "Facts." },
  },
} as const satisfies ResourceContract;

describe("a resource contract", () => {
  it("gives the inputs check accepts, the secret ones and the ones that replace", () => {
    expect(inputNames(sample)).toEqual(["secretInput", "scope", "note", "enabled"]);
    expect(secretInputs(sample)).toEqual(["secretInput"]);
    expect(replacingInputs(sample)).toEqual(["scope"]);
  });

  it("gives the state: declared outputs, echoed inputs where placed, the others after them", () => {
    const state = stateProperties(sample);
    expect(state.map(([name]) => name)).toEqual(["value", "note", "facts", "scope", "enabled"]);
    expect(Object.fromEntries(state).note?.description).toBe("The `note` argument.");
    expect(outputNames(sample)).toEqual(["value", "facts"]);
    expect(secretOutputs(sample)).toEqual(["value"]);
  });

  it("validates an input whose type says enough without a hand-written rule, and uses the given rules", () => {
    const schema = z.object(contractShape(sample, { scope: z.literal("org") }, ["secretInput"]));
    expect(schema.safeParse({ scope: "org", note: "n", enabled: true }).success).toBe(true);
    const failed = schema.safeParse({ scope: "repo", note: 5, enabled: "yes" });
    expect(failed.success).toBe(false);
    const messages = (failed.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toContain("note: must be a string");
    expect(messages).toContain("enabled: must be true or false");
    expect(messages.some((message) => message.startsWith("scope:"))).toBe(true);
  });
});

describe("ScopedToken's runtime follows its contract", () => {
  it("accepts exactly the contract's inputs and keeps the secret ones from being shown", () => {
    expect([...scopedTokenInputRules.properties]).toEqual(Object.keys(scopedTokenContract.inputs));
    expect([...scopedTokenInputRules.secretProperties]).toEqual(["accessToken", "connection"]);
  });

  it("replaces on a change of an input the contract marks, and updates in place otherwise", () => {
    const olds = { target: "acme", permissions: { contents: "read" }, rotationTrigger: "1" };
    for (const input of replacingInputs(scopedTokenContract)) {
      const news = { ...olds, [input]: input === "permissions" ? { issues: "read" } : ["changed"] };
      expect(diffState(olds, news).replaces, input).toContain(input);
    }
    expect(diffState(olds, { ...olds, rotationTrigger: "2" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
