import { z } from "zod";
import {
  isPermissionName,
  PERMISSION_CATALOGUE,
  PERMISSION_NAMES,
  type PermissionLevelOf,
  type PermissionName,
} from "./permission-catalogue.js";

/** Permissions of a scoped token: each known name mapped to one of its allowed levels. */
export type Permissions = { [Name in PermissionName]?: PermissionLevelOf<Name> };

function levelSchema(name: PermissionName) {
  const levels = PERMISSION_CATALOGUE[name];
  return z.enum(levels as unknown as [string, ...string[]], {
    error: () => `"${name}" accepts ${levels.map((level) => `"${level}"`).join(" or ")}`,
  });
}

const levelShape = Object.fromEntries(PERMISSION_NAMES.map((name) => [name, levelSchema(name).optional()]));

/** Input permissions: unknown names are rejected, naming the offender and the known names. */
export const permissionsSchema: z.ZodType<Permissions, Permissions> = z
  .record(z.string(), z.unknown())
  .superRefine((permissions, context) => {
    for (const name of Object.keys(permissions)) {
      if (!isPermissionName(name)) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: `unknown permission "${name}"; known permissions: ${PERMISSION_NAMES.join(", ")}`,
        });
      }
    }
  })
  .pipe(z.object(levelShape)) as unknown as z.ZodType<Permissions, Permissions>;

/** Permissions in a response: known names typed, levels and names GitHub adds later pass through. */
export const installationPermissionsSchema = z.record(z.string(), z.string()) as z.ZodType<
  Permissions & Record<string, string>,
  Record<string, string>
>;
