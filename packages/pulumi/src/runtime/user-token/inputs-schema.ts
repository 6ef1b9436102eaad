import { z } from "zod";
import { inputNames, secretInputs } from "../../contract/derive.js";
import { userTokenContract } from "../../contract/user-token.js";
import { contractShape } from "../../contract/zod-rules.js";
import { connectionSchema } from "../scoped-token/inputs-schema.js";
import type { ResourceInputRules } from "../shared/check-resource-inputs.js";
import { renewBeforeSchema } from "../shared/renew-before-schema.js";

/** Every property a UserToken accepts; anything else is a typo worth reporting. */
export const USER_TOKEN_PROPERTIES = inputNames(userTokenContract);

/**
 * Every input but the seed: settings state keeps as given, changed in place with no remote call. The
 * seed is the one input state does not keep as given (it keeps the current refresh token and the seed's
 * hash), so a change of it is judged by that hash.
 */
export const USER_TOKEN_SETTINGS = USER_TOKEN_PROPERTIES.filter(
  (name): name is Exclude<typeof name, "refreshToken"> => name !== "refreshToken",
);

const SIGN_IN =
  "sign in through the app's device flow (`ghes-oauth login --pulumi-config <key>`) or web flow and pass the refresh token it returns";

// Every input is judged by the contract's type, with these rules where a type says too little.
export const userTokenInputsSchema = z.object(
  contractShape(userTokenContract, {
    refreshToken: z
      .string({ error: `required: a refresh token (ghr_...); ${SIGN_IN}` })
      .min(1, { error: `must not be empty; ${SIGN_IN}` })
      .refine((token) => !token.startsWith("ghu_"), {
        error: `is an access token (ghu_...), not a refresh token (ghr_...); ${SIGN_IN}, or pass the access token straight to ScopedToken's accessToken`,
      }),
    renewBefore: renewBeforeSchema,
    connection: connectionSchema.optional(),
    revokeOnDelete: z
      .enum(["token", "grant", "none"], {
        error:
          'must be "token" (revoke the access token, the default), "grant" (the whole authorization) or "none"',
      })
      .optional(),
  }),
);

/** What UserToken's check judges its inputs by. */
export const userTokenInputRules: ResourceInputRules = {
  resource: "UserToken",
  properties: USER_TOKEN_PROPERTIES,
  secretProperties: secretInputs(userTokenContract),
  schema: userTokenInputsSchema,
};
