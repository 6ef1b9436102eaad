/** An expiring app's grant answer, with GitHub's documented lifetimes. */
export function expiringGrantBody(
  accessToken: string,
  refreshToken: string,
  extra: Record<string, unknown> = {},
) {
  return {
    access_token: accessToken,
    expires_in: 28800,
    refresh_token: refreshToken,
    refresh_token_expires_in: 15897600,
    scope: "",
    token_type: "bearer",
    ...extra,
  };
}

export function deviceCodeBody(deviceCode: string, extra: Record<string, unknown> = {}) {
  return {
    device_code: deviceCode,
    user_code: "WDJB-MJHT",
    verification_uri: "http://127.0.0.1/login/device",
    expires_in: 900,
    interval: 5,
    ...extra,
  };
}

export function oauthErrorBody(code: string, extra: Record<string, unknown> = {}) {
  return {
    error: code,
    error_description: `description of ${code}`,
    error_uri: `https://docs.github.com/errors#${code}`,
    ...extra,
  };
}
