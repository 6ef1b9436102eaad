import { closestMatch } from "leven";

/**
 * The candidate a mistyped `name` most likely meant (case ignored, a few edits away), or undefined
 * when none is close: `conection` -> `connection`, `AccessToken` -> `accessToken`.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const byLowerCase = new Map(candidates.map((candidate) => [candidate.toLowerCase(), candidate]));
  const maxDistance = Math.max(1, Math.floor(name.length / 3));
  const match = closestMatch(name.toLowerCase(), [...byLowerCase.keys()], { maxDistance });
  return match === undefined ? undefined : byLowerCase.get(match);
}
