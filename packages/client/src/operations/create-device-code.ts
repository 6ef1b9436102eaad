import type { CallOptions } from "../options.js";
import { oauthRequest } from "../request/oauth-request.js";
import { DEVICE_CODE_ROUTE } from "../request/oauth-route.js";
import type { RequestContext } from "../request/request-context.js";
import { type DeviceCode, deviceCodeResponseSchema, toDeviceCode } from "../schemas/device-code.js";
import { type DeviceCodeInput, deviceCodeInputSchema } from "../schemas/grant-inputs.js";
import { validateInput } from "../validate-input.js";

/**
 * Starts the device flow: `POST {web}/login/device/code`. Show the user `user_code` and
 * `verification_uri`, then pass `device_code` to waitForDeviceAuthorization. Sends the client ID
 * only, as GitHub documents.
 */
export async function createDeviceCode(
  context: RequestContext,
  input?: DeviceCodeInput,
  options?: CallOptions,
): Promise<DeviceCode> {
  const valid = validateInput(deviceCodeInputSchema, input);
  const answer = await oauthRequest(
    context,
    DEVICE_CODE_ROUTE,
    {
      parameters: { scope: valid?.scopes?.join(" ") },
      sendsClientSecret: false,
      secrets: [],
      signal: options?.signal,
    },
    deviceCodeResponseSchema,
  );
  return toDeviceCode(answer.value, answer.receivedAtMs);
}
