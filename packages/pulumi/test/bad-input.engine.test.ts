import { describeBadInput } from "./suites/bad-input.suite.js";
import { dynamicResources } from "./support/dynamic-resources.js";

// The shared suite (also run against the native provider, in @ghes-oauth/provider) on the dynamic resource.
describeBadInput(dynamicResources);
