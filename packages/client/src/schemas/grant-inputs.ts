import { z } from "zod";

function secretString(what: string) {
  return z
    .string({ error: `must be a string (${what})` })
    .min(1, { error: "must not be empty", abort: true })
    .regex(/^\S+$/, { error: "must not contain whitespace; trim it" });
}

/** A refresh token argument (`ghr_...`). */
export const refreshTokenArgumentSchema = secretString("the refresh token, ghr_...");

/** A device code argument: `device_code` from createDeviceCode, not the `user_code` shown to the user. */
export const deviceCodeArgumentSchema = secretString("the device_code from createDeviceCode");

/** Input of exchangeWebFlowCode. */
export const webFlowCodeInputSchema = z.strictObject(
  {
    code: secretString("the code GitHub passed to your redirect URL"),
    redirectUri: z
      .url({ error: "must be an absolute URL: the redirect_uri the authorization request used" })
      .optional(),
    /** The PKCE verifier whose challenge the authorization request sent (see createPkcePair). */
    codeVerifier: z
      .string({ error: "must be a string (the PKCE code verifier from createPkcePair)" })
      .regex(/^[A-Za-z0-9\-._~]{43,128}$/, {
        error:
          "must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636): the verifier from createPkcePair",
      })
      .optional(),
  },
  { error: "pass an object { code, redirectUri?, codeVerifier? }" },
);
export type WebFlowCodeInput = z.input<typeof webFlowCodeInputSchema>;

/** Input of createDeviceCode. Scopes matter to OAuth apps; GitHub Apps ignore them. */
export const deviceCodeInputSchema = z
  .strictObject(
    {
      scopes: z
        .array(
          z
            .string({ error: "must be a string" })
            .regex(/^[^\s,]+$/, { error: "must be one non-empty scope without spaces or commas" }),
          { error: "must be an array of scope names" },
        )
        .readonly()
        .optional(),
    },
    { error: "pass an object { scopes? }" },
  )
  .optional();
export type DeviceCodeInput = z.input<typeof deviceCodeInputSchema>;

/** What waitForDeviceAuthorization reports before each further wait. */
export interface DevicePollState {
  /** How many polls have been answered so far. */
  readonly attempt: number;
  /** The interval (seconds) of the coming wait. */
  readonly interval: number;
}

const positiveSeconds = (what: string) =>
  z.number({ error: `must be a number of seconds (${what})` }).positive({ error: "must be positive" });

/** Options of waitForDeviceAuthorization: take `interval` and `expiresIn` from the DeviceCode. */
export const deviceWaitOptionsSchema = z.object(
  {
    interval: positiveSeconds("the device code's interval"),
    expiresIn: positiveSeconds("the device code's expires_in"),
    signal: z.instanceof(AbortSignal, { error: "must be an AbortSignal" }).optional(),
    onPending: z
      .custom<(state: DevicePollState) => void>((value) => typeof value === "function", {
        error: "must be a function",
      })
      .optional(),
  },
  { error: "pass { interval, expiresIn } from the device code" },
);
export interface DeviceWaitOptions {
  /** Seconds between polls: the device code's `interval`. */
  readonly interval: number;
  /** Seconds until the device code expires: its `expires_in`. */
  readonly expiresIn: number;
  readonly signal?: AbortSignal;
  /** Called after each poll answered `authorization_pending` or `slow_down`, before the next wait. */
  readonly onPending?: (state: DevicePollState) => void;
}
