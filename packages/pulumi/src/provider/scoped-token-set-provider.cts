// CommonJS on purpose, like ./scoped-token-provider.cts: state holds a one-line require of this module,
// which loads the implementation by package name inside the dynamic-provider host.
import type { ResourceProvider } from "@pulumi/pulumi/dynamic/index.js";

type TokenSetRuntime = typeof import("../runtime/token-set/index.js", { with: {
  "resolution-mode": "import",
}});

const runtime = (): TokenSetRuntime => require("@ghes-oauth/pulumi/token-set-runtime");

const scopedTokenSetProvider: ResourceProvider = {
  configure: async (req) => runtime().configureFromStack(req.config),
  check: (olds, news) => runtime().check(olds, news),
  diff: (_id, olds, news) => runtime().diff(olds, news),
  create: (inputs) => runtime().create(inputs),
  read: (id, props) => runtime().read(id, props),
  update: (id, olds, news) => runtime().update(id, olds, news),
  delete: (id, props) => runtime().delete(id, props),
};

export = scopedTokenSetProvider;
