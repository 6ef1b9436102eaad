import { closestMatch } from "leven";

/**
 * The candidate `name` was most likely meant as (a typo, a missing plural "s", `-` for `_`), or undefined
 * when none is within a few edits (at least 2, a third of the name's length for longer names).
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase().replaceAll("-", "_");
  const maxDistance = Math.max(2, Math.floor(wanted.length / 3));
  return closestMatch(wanted, [...candidates], { maxDistance });
}
