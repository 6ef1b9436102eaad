// @boundaries-ignore the dynamic resource's test harness and shared suites, run against the native one
import { describeBadInput } from "../../pulumi/test/suites/bad-input.suite.js";
import { uncheckedNativeResources } from "./support/native-resources.js";

// @ghes-oauth/pulumi's bad-input engine suite, run against the native provider: the same cases, the same
// expectations (the property named, no value shown, no API call), the plugin started by the engine. The
// plain cases run through the provider's check in-process (bad-input.harness.test.ts).
describeBadInput(uncheckedNativeResources);
