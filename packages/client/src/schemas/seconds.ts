import { z } from "zod";

/** A duration in whole seconds; form-encoded answers carry it as a numeric string. */
export const secondsSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d+$/, { error: "expected a number of seconds" })
    .transform((value) => Number(value)),
]);
