import { z } from "zod";
import { DURATION_FORMAT, parseDurationSeconds } from "./duration.js";

/** `renewBefore`: optional; a duration string or a number of seconds. */
export const renewBeforeSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    if (value === undefined || parseDurationSeconds(value) !== undefined) return;
    ctx.addIssue({ code: "custom", message: `must be ${DURATION_FORMAT}` });
  })
  .optional();
