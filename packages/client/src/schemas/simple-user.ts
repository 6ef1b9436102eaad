import { z } from "zod";

/** GitHub's `simple-user`: the identifying fields are required, the URL fields optional. */
export const simpleUserSchema = z.looseObject({
  login: z.string(),
  id: z.number().int(),
  node_id: z.string(),
  type: z.string(),
  site_admin: z.boolean().optional(),
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  avatar_url: z.string().optional(),
  gravatar_id: z.string().nullable().optional(),
  url: z.string().optional(),
  html_url: z.string().optional(),
});

export type SimpleUser = z.infer<typeof simpleUserSchema>;
