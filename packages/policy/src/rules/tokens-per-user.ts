import { configReader } from "./config-error.js";
import type { Violation } from "./model.js";

const POLICY = "ghes-oauth-tokens-per-user";

export interface TokensPerUserConfig {
  /** The most scoped tokens one user token may mint in a stack; none: no maximum. */
  readonly max?: number;
}

export function parseTokensPerUserConfig(raw: Readonly<Record<string, unknown>>): TokensPerUserConfig {
  const max = configReader(POLICY, raw).count("max");
  return max === undefined ? {} : { max };
}

/** Scoped tokens a resource mints from one user token. */
export interface MintedFrom {
  /** Identifies the user token (its resource URN, or a digest of its value); never shown. */
  readonly parentKey: string;
  /** How messages name the user token: `UserToken "octocat"`, or `one access token given directly`. */
  readonly parentLabel: string;
  /** The minting resource, e.g. `ScopedTokenSet "bots"`. */
  readonly subject: string;
  readonly count: number;
}

/** A user token that mints more scoped tokens in the stack than the maximum. */
export function checkTokensPerUser(config: TokensPerUserConfig, minted: readonly MintedFrom[]): Violation[] {
  const { max } = config;
  if (max === undefined) return [];
  const byParent = new Map<string, MintedFrom[]>();
  for (const entry of minted)
    byParent.set(entry.parentKey, [...(byParent.get(entry.parentKey) ?? []), entry]);
  return [...byParent.values()].flatMap((group) => {
    const total = group.reduce((sum, entry) => sum + entry.count, 0);
    if (total <= max) return [];
    const parent = (group[0] as MintedFrom).parentLabel;
    const from = group
      .map((entry) => `${entry.subject} (${entry.count})`)
      .sort()
      .join(", ");
    return [
      {
        policy: POLICY,
        subject: parent,
        property: "accessToken",
        message: `${parent}: mints ${total} scoped tokens through accessToken, more than the maximum ${max} (max): ${from}; sign in a second user for the rest, or ask the security team to raise max`,
      },
    ];
  });
}
