import { z } from "zod";

/** Input of createWebFlowUrl. */
export const webFlowUrlInputSchema = z.strictObject(
  {
    baseUrl: z.string({ error: "must be the API URL, e.g. https://HOST/api/v3" }),
    webUrl: z.string({ error: "must be the web URL, e.g. https://HOST" }).optional(),
    clientId: z.string({ error: "must be the app's client ID" }).min(1, { error: "must not be empty" }),
    redirectUri: z
      .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL: one of the app's callback URLs" })
      .optional(),
    state: z
      .string({ error: "must be a string: an unguessable value you check when the browser comes back" })
      .min(16, {
        error: "must be at least 16 characters: an unguessable value (e.g. 32 random bytes, base64url)",
      }),
    codeChallenge: z
      .string({ error: "must be a string" })
      .regex(/^[A-Za-z0-9_-]{43}$/, {
        error: "must be an S256 challenge (43 base64url characters): use createPkcePair()",
      })
      .optional(),
    login: z.string({ error: "must be a GitHub login" }).min(1).optional(),
    allowSignup: z.boolean({ error: "must be a boolean" }).optional(),
    prompt: z.literal("select_account", { error: 'must be "select_account"' }).optional(),
    scopes: z
      .array(z.string().regex(/^[^\s,]+$/, { error: "must be one scope without spaces or commas" }), {
        error: "must be an array of scope names",
      })
      .readonly()
      .optional(),
  },
  { error: "pass an object { baseUrl, clientId, state, redirectUri?, codeChallenge?, ... }" },
);
export type WebFlowUrlInput = z.input<typeof webFlowUrlInputSchema>;
