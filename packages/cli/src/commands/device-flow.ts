/**
 * The device-flow part of @ghes-oauth/client this command uses (createDeviceCode,
 * waitForDeviceAuthorization, OAuthError), named structurally so the command depends on the contract,
 * not on a particular build of the client.
 */
export interface DeviceCode {
  readonly device_code: string;
  readonly user_code: string;
  readonly verification_uri: string;
  readonly expires_in: number;
  readonly interval: number;
  readonly expires_at: string;
}

export interface UserTokenGrant {
  readonly access_token: string;
  readonly refresh_token?: string | undefined;
  readonly expires_at: string | null;
  readonly refresh_token_expires_at: string | null;
}

export interface DeviceFlowClient {
  createDeviceCode(input?: { scopes?: readonly string[] }): Promise<DeviceCode>;
  waitForDeviceAuthorization(
    deviceCode: string,
    options: {
      interval: number;
      expiresIn: number;
      signal?: AbortSignal;
      onPending?: (state: { attempt: number; interval: number }) => void;
    },
  ): Promise<UserTokenGrant>;
}

/** The client's OAuthError: GitHub's `error` code from the OAuth endpoints. */
export function oauthErrorCode(error: unknown): string | undefined {
  if (error instanceof Error && error.name === "OAuthError") {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
