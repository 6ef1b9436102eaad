import { scopedTokenContract, secretInputs, userTokenContract } from "../src/contract/index.js";
import { describeBadInputChecks } from "./suites/bad-input-check.suite.js";
import { dynamicResources } from "./support/dynamic-resources.js";
import { Lifecycle, providerProcess } from "./support/lifecycle.js";

// The shared check suite (also run against the native provider, in @ghes-oauth/provider) on the dynamic
// resources' runtime, as the dynamic-provider host calls it; the engine cases are bad-input.engine.test.ts.
describeBadInputChecks({
  name: dynamicResources.name,
  lifecycle: (resource, world) =>
    new Lifecycle(
      providerProcess(
        resource === "scopedToken" ? "provider-runtime" : "user-token-runtime",
        world.connectionConfig,
      ),
      { secretInputs: secretInputs(resource === "scopedToken" ? scopedTokenContract : userTokenContract) },
    ),
  types: dynamicResources.stateTypes,
  secretInputs: {
    scopedToken: secretInputs(scopedTokenContract),
    userToken: secretInputs(userTokenContract),
  },
});
