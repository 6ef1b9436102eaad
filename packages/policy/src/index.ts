// The policy pack: the engine runs this module (PulumiPolicy.yaml beside package.json) to serve it.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies/index.js";

new PolicyPack("ghes-oauth", { policies, enforcementLevel: "advisory" });
