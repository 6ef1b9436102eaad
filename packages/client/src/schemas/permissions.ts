import type { Permissions } from "@ghes-oauth/github-contract";
import { z } from "zod";
import { closestName } from "./closest-name.js";
import {
  isPermissionName,
  PERMISSION_CATALOGUE,
  PERMISSION_NAMES,
  type PermissionName,
} from "./permission-catalogue.js";

export type { Permissions };

export interface PermissionsSchemaOptions {
  /**
   * Let names this release does not know through, for a server newer than its catalogue: the server
   * judges them. Known names are still held to their levels.
   */
  readonly allowUnknownPermissions?: boolean;
}

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`);

/** `"workflows" accepts only "write"`, `"issues" accepts "read" or "write"`. */
function levelsMessage(name: PermissionName): string {
  const levels = quoted(PERMISSION_CATALOGUE[name]);
  if (levels.length === 1) return `"${name}" accepts only ${levels[0]}`;
  return `"${name}" accepts ${levels.slice(0, -1).join(", ")} or ${levels.at(-1)}`;
}

function unknownNameMessage(name: string): string {
  const suggestion = closestName(name, PERMISSION_NAMES);
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : `known permissions: ${PERMISSION_NAMES.join(", ")}`;
  return `unknown permission "${name}"; ${hint} (for a name newer than this release, set allowUnknownPermissions)`;
}

/** Input permissions: each known name at one of its levels; unknown names refused unless allowed. */
export function createPermissionsSchema(
  options: PermissionsSchemaOptions = {},
): z.ZodType<Permissions, Permissions> {
  const allowUnknown = options.allowUnknownPermissions === true;
  return z.record(z.string(), z.unknown()).superRefine((permissions, context) => {
    for (const [name, level] of Object.entries(permissions)) {
      if (level === undefined) continue;
      if (!isPermissionName(name)) {
        if (allowUnknown) {
          if (typeof level !== "string" || level === "") {
            context.addIssue({ code: "custom", path: [name], message: 'must be a level such as "read"' });
          }
        } else {
          context.addIssue({ code: "custom", path: [name], message: unknownNameMessage(name) });
        }
      } else if (
        typeof level !== "string" ||
        !(PERMISSION_CATALOGUE[name] as readonly string[]).includes(level)
      ) {
        context.addIssue({ code: "custom", path: [name], message: levelsMessage(name) });
      }
    }
  }) as unknown as z.ZodType<Permissions, Permissions>;
}

export const permissionsSchema = createPermissionsSchema();

/** Permissions in a response: known names typed, levels and names GitHub adds later pass through. */
export const installationPermissionsSchema = z.record(z.string(), z.string()) as z.ZodType<
  Permissions & Record<string, string>,
  Record<string, string>
>;
