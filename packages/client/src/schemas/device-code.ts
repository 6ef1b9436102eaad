import { z } from "zod";
import { secondsSchema } from "./seconds.js";
import { expiryAfter } from "./user-token-grant.js";

/** The answer of `POST /login/device/code`. Unknown fields pass through. */
export const deviceCodeResponseSchema = z.looseObject({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: z.string().min(1),
  expires_in: secondsSchema,
  interval: secondsSchema,
});

/** A device code as the client returns it, with `expires_at` computed from the answer's arrival. */
export const deviceCodeSchema = deviceCodeResponseSchema.extend({ expires_at: z.string() });

export type DeviceCode = z.output<typeof deviceCodeSchema>;

export function toDeviceCode(
  answer: z.output<typeof deviceCodeResponseSchema>,
  receivedAtMs: number,
): DeviceCode {
  return { ...answer, expires_at: expiryAfter(receivedAtMs, answer.expires_in) as string };
}
