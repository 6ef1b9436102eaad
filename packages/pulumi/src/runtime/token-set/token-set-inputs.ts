import type { ScopeSpec } from "@ghes-oauth/client";
import { createScopeSpecSchema } from "@ghes-oauth/client/schemas";
import { z } from "zod";
import { inputNames, secretInputs } from "../../contract/derive.js";
import { scopedTokenSpecType } from "../../contract/object-types.js";
import { scopedTokenSetContract } from "../../contract/scoped-token-set.js";
import { contractShape } from "../../contract/zod-rules.js";
import type { ScopedTokenSetInputs, ScopedTokenSpecInputs } from "../../dynamic/scoped-token-set-state.js";
import { connectionSchema } from "../scoped-token/inputs-schema.js";
import { byPermissionLeniency } from "../shared/by-permission-leniency.js";
import type { ResourceInputRules } from "../shared/check-resource-inputs.js";
import { declaredInputs } from "../shared/declared-inputs.js";
import { renewBeforeSchema } from "../shared/renew-before-schema.js";

/** Every property a ScopedTokenSet accepts. */
export const SCOPED_TOKEN_SET_PROPERTIES = inputNames(scopedTokenSetContract);

/** Every key one entry of `scopes` accepts. */
export const SCOPE_SPEC_KEYS = Object.keys(
  scopedTokenSpecType.properties,
) as (keyof typeof scopedTokenSpecType.properties)[];

/** When a ScopedTokenSet revokes the tokens it replaced: in the same `up`, or at the next `up`/`destroy`. */
export const REVOKE_REPLACED = ["immediately", "next-run"] as const;

const ENTRY_NAME = /^[A-Za-z0-9._-]{1,100}$/;

function specSchema(allowUnknownPermissions: boolean) {
  const scope = createScopeSpecSchema({ allowUnknownPermissions });
  return z.unknown().superRefine((entry, context) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      context.addIssue({ code: "custom", message: "must be an object such as { target, permissions }" });
      return;
    }
    const { rotationTrigger, ...rest } = entry as Record<string, unknown>;
    if (rotationTrigger !== undefined && typeof rotationTrigger !== "string") {
      context.addIssue({
        code: "custom",
        path: ["rotationTrigger"],
        message: "must be a string (any value; change it to mint this token anew)",
      });
    }
    const permissions = rest.permissions;
    if (
      permissions === undefined ||
      (typeof permissions === "object" && permissions !== null && Object.keys(permissions).length === 0)
    ) {
      context.addIssue({
        code: "custom",
        path: ["permissions"],
        message: 'required: name at least one permission, e.g. { contents: "read" }',
      });
    }
    const result = scope.safeParse(rest);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) {
            context.addIssue({
              code: "custom",
              path: [key],
              message: `unknown key; an entry accepts ${SCOPE_SPEC_KEYS.join(", ")}`,
            });
          }
        } else context.addIssue({ ...issue });
      }
    }
  });
}

// Every input is judged by the contract's type (allowUnknownPermissions: true or false), with these
// rules where a type says too little.
function setSchema(allowUnknownPermissions: boolean) {
  return z.object(
    contractShape(scopedTokenSetContract, {
      accessToken: z.string({ error: "must be the user token (ghu_...) to mint from" }).min(1, {
        error: "must not be empty",
      }),
      scopes: z
        .record(z.string().regex(ENTRY_NAME), specSchema(allowUnknownPermissions), {
          error: (issue) =>
            issue.code === "invalid_key"
              ? "entry names use letters, digits, '.', '_' and '-' (at most 100 characters)"
              : 'must be an object of named entries, e.g. { "ci-read": { target, permissions } }',
        })
        .superRefine((scopes, context) => {
          if (Object.keys(scopes).length === 0) {
            context.addIssue({ code: "custom", message: "required: declare at least one token" });
          }
        }),
      renewBefore: renewBeforeSchema,
      connection: connectionSchema.optional(),
      revokeReplaced: z
        .enum(REVOKE_REPLACED, {
          error: 'must be "immediately" (revoke replaced tokens in the same up) or "next-run"',
        })
        .optional(),
    }),
  );
}

/** The set's inputs; unknown permission names fail unless `allowUnknownPermissions` is true. */
export const scopedTokenSetInputsSchema = byPermissionLeniency(setSchema(false), setSchema(true));

/** What ScopedTokenSet's check judges its inputs by. */
export const scopedTokenSetInputRules: ResourceInputRules = {
  resource: "ScopedTokenSet",
  properties: SCOPED_TOKEN_SET_PROPERTIES,
  secretProperties: secretInputs(scopedTokenSetContract),
  schema: scopedTokenSetInputsSchema,
  neverShown: ["scopes"],
  keyedProperties: ["scopes"],
};

/** The inputs as the provider receives them, without the engine's own `__provider`. */
export function tokenSetInputsOf(props: Record<string, unknown>): ScopedTokenSetInputs {
  return declaredInputs(props, SCOPED_TOKEN_SET_PROPERTIES);
}

/** One entry's scope call arguments (its rotationTrigger is the resource's own). */
export function scopeOf(spec: ScopedTokenSpecInputs): ScopeSpec {
  const { target, targetId, repositories, repositoryIds, permissions } = spec;
  return { target, targetId, repositories, repositoryIds, permissions };
}
