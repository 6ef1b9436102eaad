// CommonJS on purpose: this module's exports object is the provider the engine serializes into state.
// From an installed package (a node_modules path) Pulumi's serializer then writes a one-line
// `require("@ghes-oauth/pulumi/...")` instead of the methods' code; from a linked workspace package it
// serializes the stubs below by value. Either way they load the implementation by package name inside
// the dynamic-provider host, so state holds no secret and no dependency, and `pulumi destroy` runs the
// installed version. Nothing but `require` may be referenced from the methods.
import type { ResourceProvider } from "@pulumi/pulumi/dynamic/index.js";

type ProviderRuntime = typeof import("../runtime/scoped-token/index.js", { with: {
  "resolution-mode": "import",
}});

const runtime = (): ProviderRuntime => require("@ghes-oauth/pulumi/provider-runtime");

const scopedTokenProvider: ResourceProvider = {
  configure: async (req) => runtime().configureFromStack(req.config),
  check: (olds, news) => runtime().check(olds, news),
  diff: async (_id, olds, news) => runtime().diff(olds, news),
  create: (inputs) => runtime().create(inputs),
  read: (id, props) => runtime().read(id, props),
  update: (id, olds, news) => runtime().update(id, olds, news),
  delete: (id, props) => runtime().delete(id, props),
};

export = scopedTokenProvider;
