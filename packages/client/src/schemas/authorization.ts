import { z } from "zod";
import { scopedInstallationSchema } from "./scoped-installation.js";
import { simpleUserSchema } from "./simple-user.js";

/** GitHub's `authorization` object, as returned by check and reset. Unknown fields pass through. */
export const authorizationSchema = z.looseObject({
  id: z.number().int(),
  url: z.string(),
  scopes: z.array(z.string()).nullable(),
  token: z.string(),
  token_last_eight: z.string().nullable(),
  hashed_token: z.string().nullable(),
  app: z.looseObject({ client_id: z.string(), name: z.string(), url: z.string() }),
  note: z.string().nullable(),
  note_url: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  fingerprint: z.string().nullable(),
  expires_at: z.string().nullable(),
  user: simpleUserSchema.nullable().optional(),
  installation: scopedInstallationSchema.nullable().optional(),
});

export type Authorization = z.infer<typeof authorizationSchema>;
