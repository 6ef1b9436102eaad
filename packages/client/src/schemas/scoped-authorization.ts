import type { z } from "zod";
import { authorizationSchema } from "./authorization.js";
import { scopedInstallationSchema } from "./scoped-installation.js";

/** The authorization returned by scopeToken: a new token, always with its `installation`. */
export const scopedAuthorizationSchema = authorizationSchema.extend({
  installation: scopedInstallationSchema,
});

export type ScopedAuthorization = z.infer<typeof scopedAuthorizationSchema>;
