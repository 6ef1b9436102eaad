import { POLICY_NAMES } from "../../src/rules/index.js";

/**
 * The security team's settings every engine test uses (dynamic and native programs alike): acme only,
 * contents and issues at most read, administration denied, listed repositories (at most 2), renewBefore
 * between 2h and 6h, destroy revokes, at most 3 scoped tokens per user token.
 */
export const TEAM_SETTINGS = {
  "ghes-oauth-allowed-targets": { targets: ["acme"] },
  "ghes-oauth-permission-ceiling": {
    ceiling: { contents: "read", issues: "read" },
    otherPermissions: "read",
    deny: ["administration"],
  },
  "ghes-oauth-repository-selection": { allowAll: false, maxRepositories: 2 },
  "ghes-oauth-renewal-window": { minRenewBefore: "2h", maxRenewBefore: "6h" },
  "ghes-oauth-revoke-on-delete": { allowed: ["token", "grant"] },
  "ghes-oauth-secret-inputs": {},
  "ghes-oauth-tokens-per-user": { max: 3 },
} as const;

/** The team's settings with every policy at `level`: a policy config file's content. */
export function teamConfig(level: "mandatory" | "advisory"): Record<string, unknown> {
  return Object.fromEntries(
    POLICY_NAMES.map((name) => [name, { enforcementLevel: level, ...TEAM_SETTINGS[name] }]),
  );
}

/**
 * The violating program's violations (the same resource names in the Node.js and the Go program), by
 * policy: each names the resource (and the set's entry), the property, the rule and the fix.
 *   UserToken "octocat"     renewBefore "10m", revokeOnDelete "none"
 *   ScopedToken "wide"      target "beta", every repository, contents write, renewBefore default 1h,
 *                           a plain token as rotationTrigger
 *   ScopedTokenSet "bots"   entries docs-read and api-read within policy; "admin" asks issues write
 *   => octocat's token mints 1 + 3 = 4 scoped tokens (max 3)
 */
export const EXPECTED_VIOLATIONS: Readonly<Record<(typeof POLICY_NAMES)[number], readonly string[]>> = {
  "ghes-oauth-allowed-targets": [
    'ScopedToken "wide": target is "beta", not an allowed account; scope it to one of the allowed accounts ("acme"), or ask the security team to add it to targets/targetIds',
  ],
  "ghes-oauth-permission-ceiling": [
    'ScopedToken "wide": permissions.contents is "write", above its ceiling "read" (ceiling.contents); ask for "read" or less, or ask the security team to raise the ceiling',
    'ScopedTokenSet "bots" entry "admin": scopes.admin.permissions.issues is "write", above its ceiling "read" (ceiling.issues); ask for "read" or less, or ask the security team to raise the ceiling',
  ],
  "ghes-oauth-repository-selection": [
    'ScopedToken "wide": repositories is not set, so the token reaches every repository of the installation, which the policy refuses (allowAll: false); list the repositories it needs in repositories or repositoryIds',
  ],
  "ghes-oauth-renewal-window": [
    'UserToken "octocat": renewBefore is "10m", shorter than the minimum "2h" (minRenewBefore): a token can expire between two scheduled runs; set renewBefore to at least "2h" and at least the interval of the schedule that runs pulumi up',
    'ScopedToken "wide": renewBefore is not set, so the default "1h", shorter than the minimum "2h" (minRenewBefore): a token can expire between two scheduled runs; set renewBefore to at least "2h" and at least the interval of the schedule that runs pulumi up',
  ],
  "ghes-oauth-revoke-on-delete": [
    'UserToken "octocat": revokeOnDelete is "none", which the policy does not allow: pulumi destroy would leave the token live; set revokeOnDelete to "token" or "grant"',
  ],
  "ghes-oauth-secret-inputs": [
    'ScopedToken "wide": rotationTrigger holds a GitHub token as a plain value, which state keeps in clear; do not put a token here, or pass it as a secret (pulumi.secret(...))',
  ],
  "ghes-oauth-tokens-per-user": [
    'UserToken "octocat": mints 4 scoped tokens through accessToken, more than the maximum 3 (max): ScopedToken "wide" (1), ScopedTokenSet "bots" (3); sign in a second user for the rest, or ask the security team to raise max',
  ],
};

export interface ReportedViolation {
  level: string;
  policy: string;
  /** The resource as the engine names it: `<type>: <name>`, or none for a stack policy. */
  resource: string;
  message: string;
}

// `- [mandatory]  ghes-oauth-permission-ceiling  (pulumi-nodejs:dynamic/ghes-oauth:ScopedToken: wide)`,
// then the policy's description, then the message.
const VIOLATION =
  /- \[(mandatory|advisory)\]\s+(ghes-oauth-[a-z-]+)\s+(?:\(([^)]*)\))?\s*\n[^\n]*\n\s*([^\n]+)/g;

/** The policy violations the engine printed (each once, though the summary repeats them). */
export function reportedViolations(output: string): ReportedViolation[] {
  const seen = new Map<string, ReportedViolation>();
  for (const match of output.matchAll(VIOLATION)) {
    const [, level, policy, resource, message] = match as unknown as string[];
    const found = {
      level,
      policy,
      resource: resource ?? "",
      message: (message as string).trim(),
    } as ReportedViolation;
    seen.set(JSON.stringify(found), found);
  }
  return [...seen.values()];
}

/** The reported messages grouped by policy, sorted: comparable with EXPECTED_VIOLATIONS. */
export function messagesByPolicy(reported: readonly ReportedViolation[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const { policy, message } of reported) grouped[policy] = [...(grouped[policy] ?? []), message];
  for (const list of Object.values(grouped)) list.sort();
  return grouped;
}

export function expectedByPolicy(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(EXPECTED_VIOLATIONS).map(([policy, list]) => [policy, [...list].sort()]),
  );
}
