import { InvalidInputError, normalizeBaseUrl, resolveWebLocation } from "@ghes-oauth/client";
import { lenientScopeTokenInputSchema, scopeTokenInputSchema } from "@ghes-oauth/client/schemas";
import { z } from "zod";
import { inputNames, secretInputs } from "../../contract/derive.js";
import { scopedTokenContract } from "../../contract/scoped-token.js";
import { contractShape } from "../../contract/zod-rules.js";
import { byPermissionLeniency } from "../shared/by-permission-leniency.js";
import type { ResourceInputRules } from "../shared/check-resource-inputs.js";
import { renewBeforeSchema } from "../shared/renew-before-schema.js";

/** An API or web URL: https, or http on loopback only (the client secret goes with every request). */
function serviceUrlSchema(locate: (url: string) => { secure: boolean; loopback: boolean }) {
  return z.string({ error: "must be a URL such as https://github.example.com" }).superRefine((url, ctx) => {
    try {
      const location = locate(url);
      if (!location.secure && !location.loopback) {
        ctx.addIssue({
          code: "custom",
          message: "must use https:// (the client secret is sent with every request)",
        });
      }
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message:
          error instanceof InvalidInputError
            ? error.issues.map((issue) => issue.message).join("; ")
            : (error as Error).message,
      });
    }
  });
}

export const connectionSchema = z.strictObject(
  {
    baseUrl: serviceUrlSchema(normalizeBaseUrl),
    clientId: z.string({ error: "must be the app's client ID" }).min(1, { error: "must not be empty" }),
    clientSecret: z
      .string({ error: "must be the app's client secret" })
      .min(1, { error: "must not be empty" }),
    webUrl: serviceUrlSchema((url) => resolveWebLocation("https://unused.invalid", url)).optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be an object") },
);

// The scope call's own arguments are judged by its schema; every other input by the contract's types,
// with these rules where a type says too little.
const SCOPE_CALL_ARGUMENTS = ["accessToken", "target", "targetId", "repositories", "repositoryIds"] as const;

const resourceOnlySchema = z.object(
  contractShape(
    scopedTokenContract,
    {
      // The levels themselves are checked by the scope call's schema; here only that some are given.
      permissions: z.unknown().superRefine((permissions, ctx) => {
        const empty =
          permissions === undefined ||
          (typeof permissions === "object" && permissions !== null && Object.keys(permissions).length === 0);
        if (empty)
          ctx.addIssue({
            code: "custom",
            message: 'required: name at least one permission, e.g. { contents: "read" }',
          });
      }),
      rotationTrigger: z.string({ error: "must be a string (any value; change it to rotate)" }).optional(),
      renewBefore: renewBeforeSchema,
      connection: connectionSchema.optional(),
    },
    SCOPE_CALL_ARGUMENTS,
  ),
);

/** Every property a ScopedToken accepts; anything else is a typo worth reporting. */
export const SCOPED_TOKEN_PROPERTIES = inputNames(scopedTokenContract);

const strictInputsSchema = z.intersection(scopeTokenInputSchema, resourceOnlySchema);
const lenientInputsSchema = z.intersection(lenientScopeTokenInputSchema, resourceOnlySchema);

/**
 * The ScopedToken's inputs: the scope call's rules plus the resource's own properties. Unknown
 * permission names fail unless `allowUnknownPermissions` is true, as in the client.
 */
export const scopedTokenInputsSchema = byPermissionLeniency(strictInputsSchema, lenientInputsSchema);

/** What ScopedToken's check judges its inputs by. */
export const scopedTokenInputRules: ResourceInputRules = {
  resource: "ScopedToken",
  properties: SCOPED_TOKEN_PROPERTIES,
  secretProperties: secretInputs(scopedTokenContract),
  schema: scopedTokenInputsSchema,
  pairs: [
    ["target", "targetId"],
    ["repositories", "repositoryIds"],
  ],
  keyedProperties: ["permissions"],
};
