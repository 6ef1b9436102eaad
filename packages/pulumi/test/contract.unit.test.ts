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
  scopedTokenSetContract,
  secretInputs,
  secretOutputs,
  stateProperties,
  tokenDetailsType,
  userTokenContract,
} from "../src/contract/index.js";
import { diffState } from "../src/runtime/scoped-token/diff-state.js";
import { scopedTokenInputRules } from "../src/runtime/scoped-token/inputs-schema.js";
import { mintedTokenFacts } from "../src/runtime/scoped-token/minted-token-facts.js";
import { scopedTokenSetInputRules } from "../src/runtime/token-set/token-set-inputs.js";
import { diffUserTokenState } from "../src/runtime/user-token/diff-user-token.js";
import { userTokenInputRules } from "../src/runtime/user-token/inputs-schema.js";
import { seedHash } from "../src/runtime/user-token/seed-hash.js";
import { factsOf } from "../src/runtime/user-token/user-token-inputs.js";

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

describe("every resource's check judges each input of its contract", () => {
  // A value no input takes: each input must fail, named, so none goes unchecked.
  const cases = [
    ["ScopedToken", scopedTokenContract, scopedTokenInputRules],
    ["ScopedTokenSet", scopedTokenSetContract, scopedTokenSetInputRules],
    ["UserToken", userTokenContract, userTokenInputRules],
  ] as const;
  it.each(cases)("%s", (_resource, contract, rules) => {
    const wrong = Object.fromEntries(inputNames(contract).map((name) => [name, Symbol("wrong")]));
    const result = rules.schema.safeParse(wrong);
    const named = new Set((result.error?.issues ?? []).map((issue) => String(issue.path[0])));
    expect([...named].sort()).toEqual(inputNames(contract).sort());
  });
});

describe("UserToken's runtime follows its contract", () => {
  const seed = "ghr_seed";
  const facts = {
    accessToken: "ghu_access",
    refreshToken: "ghr_current",
    expiresAt: null,
    refreshTokenExpiresAt: null,
    userLogin: "octocat",
    seedHash: seedHash(seed),
  };
  const settings = inputNames(userTokenContract).filter((name) => name !== "refreshToken");

  it("changes in place on a change of any input but the seed, which is judged by its hash", () => {
    expect(settings.length).toBeGreaterThan(0);
    for (const name of settings) {
      const diff = diffUserTokenState(
        { ...facts, [name]: "before" },
        { refreshToken: seed, [name]: "after" },
        0,
      );
      expect(diff, name).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      expect(
        diffUserTokenState({ ...facts, [name]: "same" }, { refreshToken: seed, [name]: "same" }, 0).changes,
        name,
      ).toBe(false);
    }
    expect(diffUserTokenState(facts, { refreshToken: "ghr_another" }, 0).changes).toBe(true);
  });

  it("keeps no setting in state once the program drops it, and every fact", () => {
    const state = { ...facts, ...Object.fromEntries(settings.map((name) => [name, "set"])) };
    expect(factsOf(state as Parameters<typeof factsOf>[0])).toEqual(facts);
  });
});

describe("a ScopedTokenSet's TokenDetails", () => {
  it("are the outputs a ScopedToken gives about its token, without the token and the parent's digest", () => {
    const kept = mintedTokenFacts({
      id: 7,
      token: "ghu_minted",
      expires_at: "2030-01-01T00:00:00Z",
      installation: { account: { login: "acme" }, repository_selection: "all", permissions: {} },
    } as unknown as Parameters<typeof mintedTokenFacts>[0]);
    const { token: _token, ...details } = kept;
    expect(Object.keys(tokenDetailsType.properties)).toEqual(Object.keys(details));
    for (const [name, spec] of Object.entries(tokenDetailsType.properties)) {
      const output = scopedTokenContract.outputs[name as keyof typeof scopedTokenContract.outputs];
      expect({ ...spec, description: "" }, name).toEqual({ ...output, description: "" });
      if (name !== "expiresAt") expect(spec.description, name).toBe(output.description);
    }
  });
});
