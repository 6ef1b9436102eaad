import { createHash } from "node:crypto";
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
  CONFIG_KEYS,
  checkTokensPerUser,
  DEFAULT_ENFORCEMENT,
  isUnknown,
  type MintedFrom,
  mintedCountOf,
  policySettings,
  resourceKindOf,
  reveal,
  subjectOf,
} from "../rules/index.js";
import { CONFIG_SCHEMAS } from "./config-schemas.js";
import { enginePropertiesOf } from "./engine-properties-of.js";

const NAME = "ghes-oauth-tokens-per-user";

/**
 * Which user token a minting resource draws on: the UserToken its `accessToken` comes from, else the
 * token's digest (the value itself, or the `accessTokenHash` state keeps). Undefined when not yet known.
 */
function parentOf(resource: PolicyResource, props: Record<string, unknown>) {
  const userToken = (resource.propertyDependencies.accessToken ?? []).find(
    (dependency) => resourceKindOf(dependency.type) === "UserToken",
  );
  if (userToken) return { parentKey: userToken.urn, parentLabel: subjectOf("UserToken", userToken.name) };
  const token = props.accessToken;
  const digest =
    typeof token === "string" && !isUnknown(token)
      ? createHash("sha256").update(token).digest("hex")
      : typeof props.accessTokenHash === "string"
        ? props.accessTokenHash
        : undefined;
  return digest && { parentKey: digest, parentLabel: "one access token given directly" };
}

export const tokensPerUserPolicy: StackValidationPolicy = {
  name: NAME,
  description: "Limits how many scoped tokens a stack mints from one user token (config: max).",
  enforcementLevel: DEFAULT_ENFORCEMENT[NAME],
  configSchema: CONFIG_SCHEMAS[NAME] ?? { properties: {} },
  validateStack: (args, reportViolation) => {
    const settings = policySettings(NAME, args.getConfig<Record<string, unknown>>());
    if (CONFIG_KEYS[NAME].every((key) => !(key in settings))) return;
    const minted: MintedFrom[] = args.resources.flatMap((resource) => {
      const kind = resourceKindOf(resource.type);
      if (kind === undefined || kind === "UserToken") return [];
      const props = reveal(enginePropertiesOf(resource.props)) as Record<string, unknown>;
      const count = mintedCountOf(kind, props);
      const parent = parentOf(resource, props);
      return count === undefined || !parent
        ? []
        : [{ ...parent, subject: subjectOf(kind, resource.name), count }];
    });
    for (const found of checkTokensPerUser(settings, minted)) {
      const parent = minted.find((entry) => entry.parentLabel === found.subject);
      const urn = parent?.parentKey.startsWith("urn:") ? parent.parentKey : undefined;
      reportViolation(found.message, urn);
    }
  },
};
