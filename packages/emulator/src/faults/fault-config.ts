import { z } from "zod";

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
  path: z.string().min(1).optional(),
  /** Only requests whose path matches this regular expression, e.g. `/token$` (check and delete, not scope). */
  pathPattern: z
    .string()
    .min(1)
    .refine((source) => compiles(source), { error: "must be a valid regular expression" })
    .optional(),
  /** Only requests with one of these methods, e.g. `["DELETE"]`. */
  methods: z
    .array(z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]))
    .min(1)
    .optional(),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

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

  constructor(private readonly random: () => number = Math.random) {}

  get config(): FaultConfig {
    return this.#config;
  }

  #pathPattern: RegExp | undefined;

  set(config: FaultConfig): void {
    this.#config = config;
    this.#pathPattern = config.pathPattern === undefined ? undefined : new RegExp(config.pathPattern);
  }

  clear(): void {
    this.#config = {};
    this.#pathPattern = undefined;
  }

  decide(method: string, path: string): FaultDecision {
    const config = this.#config;
    if (config.status === undefined && !config.latencyMs && !config.resetRate) return NO_FAULT;
    if (config.path !== undefined && !path.includes(config.path)) return NO_FAULT;
    if (this.#pathPattern && !this.#pathPattern.test(path)) return NO_FAULT;
    if (config.methods && !(config.methods as string[]).includes(method)) return NO_FAULT;
    const reset = (config.resetRate ?? 0) > 0 && this.random() < (config.resetRate ?? 0);
    const status =
      config.status !== undefined && this.random() < (config.rate ?? 1) ? config.status : undefined;
    return { latencyMs: config.latencyMs ?? 0, reset, status };
  }
}
