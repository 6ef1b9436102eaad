// The UserToken's provider, CommonJS for the same reason as scoped-token-provider.cts: from an installed
// package the engine stores a one-line require of this module instead of code. The methods load the
// implementation by package name inside the dynamic-provider host; nothing but `require` may be
// referenced from them, so state holds no secret and no dependency.
import type { ResourceProvider } from "@pulumi/pulumi/dynamic/index.js";

type UserTokenRuntime = typeof import("../runtime/user-token/index.js", { with: {
  "resolution-mode": "import",
}});

const runtime = (): UserTokenRuntime => require("@ghes-oauth/pulumi/user-token-runtime");

const userTokenProvider: ResourceProvider = {
  configure: async (req) => runtime().configureFromStack(req.config),
  check: (olds, news) => runtime().check(olds, news),
  diff: (_id, olds, news) => runtime().diff(olds, news),
  create: (inputs) => runtime().create(inputs),
  read: (id, props) => runtime().read(id, props),
  update: (id, olds, news) => runtime().update(id, olds, news),
  delete: (id, props) => runtime().delete(id, props),
};

export = userTokenProvider;
