import type { ProviderContract } from "./property.js";

export const providerContract = {
  description:
    "The connection to one app on one instance. Changing it (after a client-secret rotation, say) updates the provider in place: no token is replaced, and the next operations use the new settings.",
  inputs: {
    baseUrl: {
      type: { type: "string" },
      description:
        "The API URL of the instance: `https://HOST`, `https://HOST/api/v3`, or `https://api.github.com`. Plain `http://` is refused except on loopback.",
      defaultFromEnv: ["GHES_OAUTH_BASE_URL"],
      configDescription:
        "The API URL of the instance: `https://HOST`, `https://HOST/api/v3`, or `https://api.github.com`. Plain `http://` is refused except on loopback. Default: env `GHES_OAUTH_BASE_URL`.",
    },
    clientId: {
      type: { type: "string" },
      description: "The OAuth/GitHub App's client ID (e.g. `Iv1.8a61f9b3a7aba766`).",
      defaultFromEnv: ["GHES_OAUTH_CLIENT_ID"],
      configDescription:
        "The OAuth/GitHub App's client ID (e.g. `Iv1.8a61f9b3a7aba766`). Default: env `GHES_OAUTH_CLIENT_ID`.",
    },
    clientSecret: {
      type: { type: "string" },
      description:
        "The app's client secret, sent with every request. Stored only encrypted in state. When not set, the provider plugin reads env `GHES_OAUTH_CLIENT_SECRET` itself (the SDKs do not read it, so the value never enters state).",
      secret: true,
      configDescription:
        "The app's client secret, sent with every request. Stored only encrypted in state. Default: env `GHES_OAUTH_CLIENT_SECRET`.",
    },
    webUrl: {
      type: { type: "string" },
      description:
        "The instance's web URL, where the OAuth grant endpoints live (UserToken's refresh). Default: derived from `baseUrl`.",
      defaultFromEnv: ["GHES_OAUTH_WEB_URL"],
      configDescription:
        "The instance's web URL, where the OAuth grant endpoints live (UserToken's refresh). Default: env `GHES_OAUTH_WEB_URL`, else derived from `baseUrl` (`https://HOST/api/v3` -> `https://HOST`, `https://api.github.com` -> `https://github.com`).",
    },
  },
} as const satisfies ProviderContract;
