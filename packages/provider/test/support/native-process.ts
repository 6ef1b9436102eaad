import { vi } from "vitest";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import type { ResourceRuntime } from "../../../pulumi/test/support/lifecycle.js";

// The serialized provider the lifecycle harness adds for the dynamic-provider host; a native provider
// never gets it from the engine.
const PROVIDER_KEY = "__provider";

function withoutProviderKey(props: Record<string, unknown>): Record<string, unknown> {
  const { [PROVIDER_KEY]: _serialized, ...rest } = props;
  return rest;
}

/**
 * A fresh native provider process for the lifecycle harness (test/support/lifecycle.ts of
 * @ghes-oauth/pulumi, with `acceptsSecrets: true`): the plugin's provider object in-process, one resource
 * `type`, configured with the stack's `ghes-oauth:*` config as the engine's Configure hands it over.
 */
export function nativeProcess(
  type: string,
  config: Record<string, { value: string }> = {},
): () => Promise<ResourceRuntime> {
  return async () => {
    vi.resetModules();
    const { ghesOAuthProvider: provider } = await import("../../dist/index.js");
    const { configureProvider } = await import("../../dist/provider-config.js");
    configureProvider(
      Object.fromEntries(
        Object.entries(config).map(([key, { value }]) => [key.replace(/^ghes-oauth:/, ""), value]),
      ),
    );
    const urn = `urn:pulumi:test::bad-input::${type}::bad`;
    const required = <T>(method: T | undefined): T => {
      if (method === undefined) throw new Error("the native provider lacks a method the harness calls");
      return method;
    };
    return {
      check: async (olds, news) => {
        const result = await required(provider.check)(
          urn,
          withoutProviderKey(olds),
          withoutProviderKey(news),
        );
        return {
          inputs: result.inputs,
          failures: result.failures?.map(({ property, reason }) => ({ property, reason })),
        };
      },
      diff: (olds, news) =>
        required(provider.diff)("", urn, withoutProviderKey(olds), withoutProviderKey(news)),
      create: async (inputs) => {
        const { id, outs } = await required(provider.create)(urn, withoutProviderKey(inputs));
        return { id, outs };
      },
      read: (id, props) => required(provider.read)(id, urn, withoutProviderKey(props)),
      update: (id, olds, news) =>
        required(provider.update)(id, urn, withoutProviderKey(olds), withoutProviderKey(news)),
      delete: (id, props) => required(provider.delete)(id, urn, withoutProviderKey(props)),
      configureFromStack: () => {},
    };
  };
}
