/** The flags every one-off command (revoke-grant, reset, scope) shares besides the connection's. */
export const ONE_OFF_OPTIONS = {
  json: { type: "boolean" },
  "show-token": { type: "boolean" },
} as const;
