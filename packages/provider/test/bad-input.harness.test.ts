// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { describeBadInputChecks } from "../../pulumi/test/suites/bad-input-check.suite.js";
// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { Lifecycle } from "../../pulumi/test/support/lifecycle.js";
import { nativeProcess } from "./support/native-process.js";
import { SCOPED_TOKEN, SECRET_INPUTS, USER_TOKEN } from "./support/native-resources.js";

const types = { scopedToken: SCOPED_TOKEN, userToken: USER_TOKEN };
const secretInputs = {
  scopedToken: SECRET_INPUTS[SCOPED_TOKEN] ?? [],
  userToken: SECRET_INPUTS[USER_TOKEN] ?? [],
};

// @ghes-oauth/pulumi's check suite on the native provider's check, in-process: secrets arrive wrapped as
// the engine sends them to a provider that accepts secrets (the SDKs' secret inputs). The engine cases are
// bad-input.engine.test.ts.
describeBadInputChecks({
  name: "native provider",
  lifecycle: (resource, world) =>
    new Lifecycle(nativeProcess(types[resource], world.connectionConfig), {
      acceptsSecrets: true,
      secretInputs: secretInputs[resource],
    }),
  types,
  secretInputs,
});
