const DOCS = "https://docs.github.com/enterprise-server@3.19/rest";

export const DOCUMENTATION_URLS = {
  root: `${DOCS}`,
  checkToken: `${DOCS}/apps/oauth-applications#check-a-token`,
  resetToken: `${DOCS}/apps/oauth-applications#reset-a-token`,
  deleteToken: `${DOCS}/apps/oauth-applications#delete-an-app-token`,
  deleteAuthorization: `${DOCS}/apps/oauth-applications#delete-an-app-authorization`,
  scopeToken: `${DOCS}/apps/apps#create-a-scoped-access-token`,
  checkAuthorization: `${DOCS}/apps/oauth-applications#check-an-authorization`,
  resetAuthorization: `${DOCS}/apps/oauth-applications#reset-an-authorization`,
  revokeAuthorization: `${DOCS}/apps/oauth-applications#revoke-an-authorization-for-an-application`,
  revokeGrant: `${DOCS}/apps/oauth-applications#revoke-a-grant-for-an-application`,
  rateLimiting: `${DOCS}/overview/resources-in-the-rest-api#rate-limiting`,
  secondaryRateLimits: `${DOCS}/overview/resources-in-the-rest-api#secondary-rate-limits`,
} as const;
