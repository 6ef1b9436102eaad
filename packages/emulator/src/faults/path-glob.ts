/**
 * Path globs for fault filters: `*` matches any run of characters within one path segment, `**` any run
 * across segments (`/` included); every other character matches itself. A glob matches the whole path.
 *
 * Globs replace the regular expressions fault filters used to take: a pattern such as `^/(a+)+b$` made
 * V8's backtracking engine take seconds per request. A glob is matched by simulating its automaton
 * (every possible position at once), so a path of n characters costs at most n x (glob length) steps,
 * whatever the glob.
 */

type Step = { kind: "literal"; character: string } | { kind: "star"; crossesSlash: boolean };

export const MAX_GLOB_LENGTH = 256;
/** Characters that mean something in a regular expression but nothing in a glob: refused, not matched literally. */
const REGEX_SYNTAX = /[\\^$|()[\]{}+?]/;

/** Why `glob` is not a usable path glob, or undefined when it is. */
export function pathGlobProblem(glob: string): string | undefined {
  if (REGEX_SYNTAX.test(glob)) {
    return "must be a path glob (`*` within a segment, `**` across segments), not a regular expression: e.g. `**/token` instead of `/token$`";
  }
  if (glob.includes("***")) return "must not contain `***`: use `*` or `**`";
  if (!glob.startsWith("/") && !glob.startsWith("*")) {
    return "must start with `/` or `*` (it matches the whole path, e.g. `/api/v3/applications/*/token`)";
  }
  return undefined;
}

function compile(glob: string): Step[] {
  const characters = Array.from(glob); // code points, as matches() reads the path
  const steps: Step[] = [];
  for (let index = 0; index < characters.length; index++) {
    if (characters[index] !== "*") {
      steps.push({ kind: "literal", character: characters[index] ?? "" });
      continue;
    }
    const crossesSlash = characters[index + 1] === "*";
    if (crossesSlash) index++;
    steps.push({ kind: "star", crossesSlash });
  }
  return steps;
}

export class PathGlob {
  readonly #steps: Step[];

  /** @throws Error when `glob` is not valid (see pathGlobProblem). */
  constructor(readonly glob: string) {
    const problem = pathGlobProblem(glob);
    if (problem) throw new Error(`invalid path glob: ${problem}`);
    this.#steps = compile(glob);
  }

  matches(path: string): boolean {
    const steps = this.#steps;
    // active[i]: some way of matching the path read so far ends just before step i (i = steps.length: all matched).
    let active = new Uint8Array(steps.length + 1);
    let next = new Uint8Array(steps.length + 1);
    active[0] = 1;
    this.#skipStars(active);
    for (const character of path) {
      next.fill(0);
      let any = false;
      for (let index = 0; index < steps.length; index++) {
        if (!active[index]) continue;
        const step = steps[index] as Step;
        if (step.kind === "literal") {
          if (step.character === character) next[index + 1] = 1;
        } else if (step.crossesSlash || character !== "/") {
          next[index] = 1;
        } else continue;
        any = true;
      }
      if (!any) return false;
      this.#skipStars(next);
      [active, next] = [next, active];
    }
    return active[steps.length] === 1;
  }

  /** A star may match nothing: whoever stands before a star also stands after it. */
  #skipStars(active: Uint8Array): void {
    for (let index = 0; index < this.#steps.length; index++) {
      if (active[index] && this.#steps[index]?.kind === "star") active[index + 1] = 1;
    }
  }
}
