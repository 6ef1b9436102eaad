import { describeBadInput } from "../../pulumi/test/suites/bad-input.suite.js";
import { pluginEnv } from "./support/plugin-env.js";
import { UncheckedScopedToken } from "./support/unchecked-scoped-token.js";

// @ghes-oauth/pulumi's bad-input suite, run against the native provider: the same cases, the same
// expectations (the property named, no value shown, no API call), the plugin started by the engine.
describeBadInput({
  name: "native provider",
  declare: (name, args) => new UncheckedScopedToken(name, args),
  env: pluginEnv,
  extraCreates: 0,
  stateType: "ghes-oauth:index:ScopedToken",
});
