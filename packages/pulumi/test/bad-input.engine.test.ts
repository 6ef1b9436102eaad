import { describeBadInput } from "./suites/bad-input.suite.js";
import { dynamicResources } from "./support/dynamic-resources.js";

// The shared suite (also run against the native provider, in @ghes-oauth/provider) on the dynamic resource:
// the cases that need the engine; the plain ones run through check in-process (bad-input.harness.test.ts).
describeBadInput(dynamicResources);
