import * as ghes from "@ghes-oauth/provider-sdk";
import { describeSecretSearch } from "../../pulumi/test/suites/secrets.suite.js";
import { pluginEnv } from "./support/plugin-env.js";

// @ghes-oauth/pulumi's secret-search suite, run against the native provider through the generated
// Node.js SDK (what marks secrets for a user's program).
describeSecretSearch({
  name: "native provider",
  declare: (name, args) => new ghes.ScopedToken(name, args as unknown as ghes.ScopedTokenArgs),
  env: pluginEnv,
  stateType: "ghes-oauth:index:ScopedToken",
});
