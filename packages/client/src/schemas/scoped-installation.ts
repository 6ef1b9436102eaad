import { REPOSITORY_SELECTIONS } from "@ghes-oauth/github-contract";
import { z } from "zod";
import { installationPermissionsSchema } from "./permissions.js";
import { simpleUserSchema } from "./simple-user.js";

/** The `installation` of a scoped token: what it may reach on its target account. */
export const scopedInstallationSchema = z.looseObject({
  permissions: installationPermissionsSchema,
  repository_selection: z.enum(REPOSITORY_SELECTIONS),
  single_file_name: z.string().nullable(),
  repositories_url: z.string(),
  account: simpleUserSchema,
  has_multiple_single_files: z.boolean().optional(),
  single_file_paths: z.array(z.string()).optional(),
});

export type ScopedInstallation = z.infer<typeof scopedInstallationSchema>;
