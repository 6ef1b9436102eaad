// @boundaries-ignore the shared suites of the dynamic resource, run against the native one
import { describeSecretSearch } from "../../pulumi/test/suites/secrets.suite.js";
import { sdkNativeResources } from "./support/native-resources.js";

// @ghes-oauth/pulumi's secret-search suite, run against the native provider through the generated
// Node.js SDK (what marks secrets in a user's program).
describeSecretSearch(sdkNativeResources);
