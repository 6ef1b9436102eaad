import { CONNECTION_OPTIONS } from "../args/common-options.js";

/** The flags every one-off command (revoke-grant, reset, scope) shares. */
export const ONE_OFF_OPTIONS = {
  ...CONNECTION_OPTIONS,
  json: { type: "boolean" },
  "show-token": { type: "boolean" },
} as const;
