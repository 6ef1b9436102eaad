import { ScopedToken, type ScopedTokenArgs } from "../dist/index.js";
import { describeBadInput } from "./suites/bad-input.suite.js";

// The shared suite (also run against the native provider, in @ghes-oauth/provider) on the dynamic resource.
describeBadInput({
  name: "dynamic resource",
  declare: (name, args) => new ScopedToken(name, args as unknown as ScopedTokenArgs),
  stateType: "pulumi-nodejs:dynamic/ghes-oauth:ScopedToken",
});
