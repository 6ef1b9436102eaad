import { terminalSafe } from "../terminal/terminal-safe.js";
import { formatPermissions, type TokenDescription } from "./token-description.js";

/** `key: value` lines describing one token, for a person reading a terminal. */
export function formatDescription(description: TokenDescription): string {
  const rows: [string, string][] = [
    ["status", description.status],
    ["user", description.user ?? "-"],
    ["token_last_eight", description.token_last_eight],
    ["hashed_token", description.hashed_token],
    ["expires_at", description.expires_at ?? "never"],
    ["scoped", String(description.scoped)],
    ["repository_selection", description.repository_selection ?? "-"],
    ["permissions", formatPermissions(description.permissions)],
  ];
  return rows.map(([key, value]) => `${`${key}:`.padEnd(22)}${terminalSafe(value)}\n`).join("");
}
