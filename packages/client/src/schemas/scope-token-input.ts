import { z } from "zod";
import { accessTokenSchema } from "./access-token.js";
import { createPermissionsSchema, type PermissionsSchemaOptions } from "./permissions.js";

const positiveId = z.number().int().positive();

function scopeFields(options: PermissionsSchemaOptions) {
  return {
    target: z.string().min(1, { error: "must be a non-empty user or organization login" }).optional(),
    targetId: positiveId.optional(),
    repositories: z.array(z.string().min(1, { error: "repository names must not be empty" })).optional(),
    repositoryIds: z.array(positiveId).optional(),
    permissions: createPermissionsSchema(options).optional(),
  };
}

interface ScopeFields {
  target?: string | undefined;
  targetId?: number | undefined;
  repositories?: string[] | undefined;
  repositoryIds?: number[] | undefined;
}

function checkScopePairs(input: ScopeFields, context: z.RefinementCtx): void {
  if (input.target !== undefined && input.targetId !== undefined) {
    context.addIssue({ code: "custom", path: ["target"], message: "give target or targetId, not both" });
  }
  if (input.target === undefined && input.targetId === undefined) {
    context.addIssue({
      code: "custom",
      path: ["target"],
      message: "required: give target (a login) or targetId (an account id)",
    });
  }
  if (input.repositories !== undefined && input.repositoryIds !== undefined) {
    context.addIssue({
      code: "custom",
      path: ["repositories"],
      message: "give repositories or repositoryIds, not both",
    });
  }
}

// Judge the pairs even when another field is invalid, so every mistake is reported in one go.
const judgePairsAlways = {
  when: ({ value }: { value: unknown }) => typeof value === "object" && value !== null,
};

/**
 * Input of scopeToken, in camelCase. Exactly one of `target` / `targetId`; at most one of
 * `repositories` / `repositoryIds`.
 */
export function createScopeTokenInputSchema(options: PermissionsSchemaOptions = {}) {
  return z
    .object({ accessToken: accessTokenSchema, ...scopeFields(options) })
    .superRefine(checkScopePairs, judgePairsAlways);
}

/**
 * What a scoped token is narrowed to, without the token it is minted from: the scope call's arguments
 * other than `accessToken`, with the same rules. Unknown keys are refused (a misspelt `permission`
 * would otherwise ask for a token with no permissions named).
 */
export function createScopeSpecSchema(options: PermissionsSchemaOptions = {}) {
  return z.strictObject(scopeFields(options)).superRefine(checkScopePairs, judgePairsAlways);
}

export const scopeTokenInputSchema = createScopeTokenInputSchema();
/** Allows permission names this release does not know (the client's `allowUnknownPermissions`). */
export const lenientScopeTokenInputSchema = createScopeTokenInputSchema({ allowUnknownPermissions: true });

export type ScopeTokenInput = z.input<typeof scopeTokenInputSchema>;

export type ScopeSpec = z.input<ReturnType<typeof createScopeSpecSchema>>;
