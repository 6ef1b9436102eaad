import { z } from "zod";

/**
 * A schema that judges inputs by `strict`, or by `lenient` when they set `allowUnknownPermissions: true`
 * (unknown permission names then pass, as in the client), reporting the chosen schema's issues as its own.
 */
export function byPermissionLeniency(strict: z.ZodType, lenient: z.ZodType): z.ZodType {
  return z.unknown().superRefine((inputs, context) => {
    const allow =
      typeof inputs === "object" && inputs !== null && "allowUnknownPermissions" in inputs
        ? inputs.allowUnknownPermissions === true
        : false;
    const result = (allow ? lenient : strict).safeParse(inputs);
    if (!result.success) for (const issue of result.error.issues) context.addIssue({ ...issue });
  });
}
