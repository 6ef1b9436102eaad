import type * as pulumi from "@pulumi/pulumi";

type ProviderRuntime = typeof import("../runtime/index.js");

/**
 * Loads the implementation by package name inside the dynamic-provider host (resolved from the Pulumi
 * project's directory), so state holds no code but the stubs below, no secret and no heavy module, and
 * `pulumi destroy` runs the installed version. It may reference nothing but `require`: anything else
 * would be serialized into every resource's state.
 */
const runtime = (): ProviderRuntime => require("@ghes-oauth/pulumi/provider-runtime");

/** The provider the engine serializes into state, twice per resource: keep it small. */
export const scopedTokenProvider: pulumi.dynamic.ResourceProvider = {
  configure: async (req) => runtime().configureFromStack(req.config),
  check: (olds, news) => runtime().check(olds, news),
  diff: async (_id, olds, news) => runtime().diff(olds, news),
  create: (inputs) => runtime().create(inputs),
  read: (id, props) => runtime().read(id, props),
  update: (id, olds, news) => runtime().update(id, olds, news),
  delete: (id, props) => runtime().delete(id, props),
};
