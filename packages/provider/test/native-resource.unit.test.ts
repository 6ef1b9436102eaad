import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc.js";
import { describe, expect, it } from "vitest";
import { nativeResource, type ResourceRuntime } from "../dist/native-resource.js";

const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });

/** A runtime that echoes its inputs as outputs (plus a token) and would replace on any change. */
function echoRuntime(seen: unknown[] = []): ResourceRuntime {
  return {
    check: async (_olds, news) => ({ inputs: news }),
    diff: () => ({ changes: true, replaces: ["scopes"], deleteBeforeReplace: true }),
    create: async (inputs) => {
      seen.push(inputs);
      return { id: "id-1", outs: { ...inputs, token: "ghu_minted" } };
    },
    read: async (id, props) => ({ id, props }),
    update: async (_id, _olds, news) => ({ outs: { ...news, token: "ghu_minted" } }),
    delete: async () => {},
  };
}

describe("nativeResource (the adapter between the engine's protocol and the shared runtime)", () => {
  it("an update-only resource's diff never asks for replacement, whatever the runtime says", async () => {
    const plain = await nativeResource(echoRuntime(), []).diff({}, {});
    expect(plain).toMatchObject({ changes: true, replaces: ["scopes"], deleteBeforeReplace: true });
    const set = await nativeResource(echoRuntime(), [], { updateOnly: true }).diff({}, {});
    expect(set).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("the runtime gets plain values; the schema's secret outputs go back marked", async () => {
    const seen: unknown[] = [];
    const resource = nativeResource(echoRuntime(seen), ["token"]);
    const { outs } = await resource.create({ accessToken: secret("ghu_parent"), target: "acme" });
    expect(seen).toEqual([{ accessToken: "ghu_parent", target: "acme" }]);
    expect(outs?.token).toEqual(secret("ghu_minted"));
    expect(outs?.target).toBe("acme");
  });

  it("an output made from an input that held a secret at any depth goes back marked as a whole", async () => {
    const resource = nativeResource(echoRuntime(), ["token"]);
    const news = {
      scopes: { bot: { permissions: { issues: "write" }, rotationTrigger: secret("trigger") } },
      repositories: ["api", secret("web")],
      renewBefore: "1h",
    };
    const created = await resource.create(news);
    const updated = await resource.update("id-1", {}, news);
    for (const outs of [created.outs, updated.outs]) {
      expect(outs?.scopes).toEqual(
        secret({ bot: { permissions: { issues: "write" }, rotationTrigger: "trigger" } }),
      );
      expect(outs?.repositories).toEqual(secret(["api", "web"]));
      expect(outs?.renewBefore).toBe("1h");
    }
    // Refresh: the state's secret stays secret.
    const read = await resource.read("id-1", { scopes: secret({ bot: {} }), renewBefore: "1h" });
    expect(read.props).toEqual({ scopes: secret({ bot: {} }), renewBefore: "1h" });
  });
});
