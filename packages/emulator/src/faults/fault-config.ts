import { z } from "zod";
import { adminText } from "../admin/admin-text.js";
import { MAX_GLOB_LENGTH, PathGlob, pathGlobProblem } from "./path-glob.js";
import { seededRandom } from "./seeded-random.js";

/** What PUT /_emulator/faults accepts. Faults apply to the token API, never to /_emulator routes. */
export const faultConfigSchema = z.strictObject({
  /** Answer with this status instead of serving the request. */
  status: z.number().int().min(400).max(599).optional(),
  /** The share of (path-matching) requests that get `status`, 0..1; 1 when omitted. */
  rate: z.number().min(0).max(1).optional(),
  /** Delay added before each (path-matching) request is answered. */
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** The share of (path-matching) requests whose connection is destroyed without an answer, 0..1. */
  resetRate: z.number().min(0).max(1).optional(),
  /** Only requests whose path contains this string are affected (a prefix works, e.g. `/api/v3/applications`). */
  path: adminText().min(1).optional(),
  /**
   * Only requests whose whole path matches this glob: `*` within a segment, `**` across segments (so
   * `**` then `/token` selects check, reset and delete, not scope). Not a regular expression: those
   * could backtrack for seconds on a hostile pattern.
   */
  pathPattern: adminText()
    .min(1)
    .max(MAX_GLOB_LENGTH)
    .superRefine((glob, ctx) => {
      const problem = pathGlobProblem(glob);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
  /**
   * Seeds the dice of `rate` and `resetRate` (an integer, 0 to 2^32 - 1): the same seed and the same
   * requests give the same faults, so a test is deterministic. Random when omitted. Each PUT starts over.
   */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** Only requests with one of these methods, e.g. `["DELETE"]`. */
  methods: z
    .array(z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]))
    .min(1)
    .optional(),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;

/** What to do to one request. */
export interface FaultDecision {
  latencyMs: number;
  reset: boolean;
  status: number | undefined;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, reset: false, status: undefined };

/** Holds the active fault configuration and rolls the dice for each request. */
export class FaultInjector {
  #config: FaultConfig = {};
  #dice: () => number;

  /** @param random the dice when a configuration names no `seed`. */
  constructor(private readonly random: () => number = Math.random) {
    this.#dice = random;
  }

  get config(): FaultConfig {
    return this.#config;
  }

  #pathPattern: PathGlob | undefined;

  set(config: FaultConfig): void {
    this.#config = config;
    this.#dice = config.seed === undefined ? this.random : seededRandom(config.seed);
    this.#pathPattern = config.pathPattern === undefined ? undefined : new PathGlob(config.pathPattern);
  }

  clear(): void {
    this.#config = {};
    this.#dice = this.random;
    this.#pathPattern = undefined;
  }

  decide(method: string, path: string): FaultDecision {
    const config = this.#config;
    if (config.status === undefined && !config.latencyMs && !config.resetRate) return NO_FAULT;
    if (config.path !== undefined && !path.includes(config.path)) return NO_FAULT;
    if (this.#pathPattern && !this.#pathPattern.matches(path)) return NO_FAULT;
    if (config.methods && !(config.methods as string[]).includes(method)) return NO_FAULT;
    const reset = (config.resetRate ?? 0) > 0 && this.#dice() < (config.resetRate ?? 0);
    const status =
      config.status !== undefined && this.#dice() < (config.rate ?? 1) ? config.status : undefined;
    return { latencyMs: config.latencyMs ?? 0, reset, status };
  }
}
