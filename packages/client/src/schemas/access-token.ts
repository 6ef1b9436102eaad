import { z } from "zod";

/** An access token argument: a non-empty string without whitespace (a common copy-paste slip). */
export const accessTokenSchema = z
  .string({ error: "must be a string (the user's OAuth access token)" })
  .min(1, { error: "must not be empty", abort: true })
  .regex(/^\S+$/, { error: "must not contain whitespace; trim the token" });
