import { z } from "zod";
import { isCallbackUrl } from "../pages/redirect-uri.js";
import type { PermissionCatalogue } from "../permission-catalogue.js";
import type { PermissionSet } from "../permissions.js";
import { adminText } from "./admin-text.js";

/** A permission set valid in the emulator's API version. */
function permissionSet(catalogue: PermissionCatalogue) {
  return z
    .record(z.string(), z.string())
    .superRefine((permissions, ctx) => {
      for (const message of catalogue.problems(permissions)) ctx.addIssue({ code: "custom", message });
    })
    .transform((permissions) => permissions as PermissionSet);
}

export const newAccountBody = z.object({
  login: adminText().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub login"),
  type: z.enum(["User", "Organization"]).default("User"),
  repositories: z
    .array(adminText().regex(/^[A-Za-z0-9._-]{1,100}$/, "must be a repository name"))
    .default([]),
});

export function newAppBody(catalogue: PermissionCatalogue) {
  return z.object({
    name: adminText().min(1).max(100),
    /** Omitted: the app may ask for every permission of the API version at its highest level. */
    permissions: permissionSet(catalogue).optional(),
    /** User tokens expire after 8 hours and come with refresh tokens (GitHub's default), or never expire. */
    expiringUserTokens: z.boolean().default(true),
    /** Whether the app may use the device flow. */
    deviceFlow: z.boolean().default(true),
    /** The web flow's registered callback URLs (http or https), as an app's settings list them. */
    callbackUrls: z
      .array(adminText().refine(isCallbackUrl, "must be an absolute http(s) URL without a fragment"))
      .max(10)
      .default([]),
    /** A GitHub App (default) or an OAuth app: `gho_` tokens that never expire, with OAuth scopes. */
    kind: z.enum(["github-app", "oauth-app"]).default("github-app"),
  });
}

export function newInstallationBody(catalogue: PermissionCatalogue) {
  return z.object({
    client_id: adminText(),
    account: adminText(),
    repositories: z.union([z.literal("all"), z.array(adminText())]).default("all"),
    /** Omitted: the app's permissions. Must not exceed them. */
    permissions: permissionSet(catalogue).optional(),
  });
}

export const newTokenBody = z.object({
  client_id: adminText(),
  login: adminText(),
  /** An OAuth app's token: its OAuth scopes, e.g. ["repo", "read:org"]. */
  scopes: z.array(adminText().regex(/^[a-z:_]{1,50}$/, "must be an OAuth scope such as repo")).optional(),
});

export const deviceApprovalBody = z.object({
  user_code: z.string(),
  login: z.string(),
  deny: z.boolean().default(false),
});

export const newWebFlowCodeBody = z.object({
  client_id: z.string(),
  login: z.string(),
  redirect_uri: z.string().optional(),
  /** A PKCE S256 challenge: the exchange then needs its verifier, as after an authorize with PKCE. */
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "must be an S256 challenge: 43 base64url characters")
    .optional(),
});

export const clockBody = z.object({ advanceSeconds: z.number().finite() });
