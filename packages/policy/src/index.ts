// The policy pack: the engine runs this module (PulumiPolicy.yaml beside package.json) to serve it. Its
// runner loads it with require(), which takes an ES module from Node.js 22.12 on (hence `engines`).
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies/index.js";

new PolicyPack("ghes-oauth", { policies, enforcementLevel: "advisory" });
