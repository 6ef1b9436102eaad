import type { PolicyConfigSchema } from "@pulumi/policy";

type PolicyConfigJSONSchema = PolicyConfigSchema["properties"][string];

import { CEILING_LEVELS, type PolicyName, REVOKE_ON_DELETE } from "../rules/index.js";

const names = { type: "array", items: { type: "string" } } as const;
const duration: PolicyConfigJSONSchema = { type: ["string", "integer"] };

/** What the engine checks each policy's config against (the rules then check names and durations). */
export const CONFIG_SCHEMAS: Readonly<Record<PolicyName, PolicyConfigSchema | undefined>> = {
  "ghes-oauth-allowed-targets": {
    properties: { targets: names, targetIds: { type: "array", items: { type: "integer" } } },
  },
  "ghes-oauth-permission-ceiling": {
    properties: {
      ceiling: { type: "object", additionalProperties: { type: "string", enum: [...CEILING_LEVELS] } },
      otherPermissions: { type: "string", enum: [...CEILING_LEVELS] },
      deny: names,
    },
  },
  "ghes-oauth-repository-selection": {
    properties: { allowAll: { type: "boolean" }, maxRepositories: { type: "integer", minimum: 0 } },
  },
  "ghes-oauth-renewal-window": { properties: { minRenewBefore: duration, maxRenewBefore: duration } },
  "ghes-oauth-revoke-on-delete": {
    properties: { allowed: { type: "array", items: { type: "string", enum: [...REVOKE_ON_DELETE] } } },
  },
  "ghes-oauth-secret-inputs": undefined,
  "ghes-oauth-tokens-per-user": { properties: { max: { type: "integer", minimum: 0 } } },
};
