/** The connection flags every command that calls the API takes. The secret has no flag on purpose. */
export const CONNECTION_OPTIONS = {
  "base-url": { type: "string" },
  "client-id": { type: "string" },
  "client-secret-file": { type: "string" },
} as const;

export const CONNECTION_HELP = `Connection (flags win over the environment):
  --base-url URL             https://HOST, https://HOST/api/v3 or https://api.github.com
                             (env GHES_OAUTH_BASE_URL)
  --client-id ID             the OAuth/GitHub App's client ID (env GHES_OAUTH_CLIENT_ID)
  --client-secret-file FILE  read the client secret from FILE; otherwise env GHES_OAUTH_CLIENT_SECRET,
                             otherwise a hidden prompt when stdin is a terminal. There is no flag
                             for the secret itself: ps would show it.`;

export const EXIT_HELP = `Exit codes: 0 done, 1 the operation (or some token) failed, 2 usage or input error.`;
