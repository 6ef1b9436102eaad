import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc.js";
import { vi } from "vitest";

/** A resource's runtime as the dynamic provider calls it (`@ghes-oauth/pulumi/provider-runtime` and kin). */
export interface ResourceRuntime {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult>;
  diff(olds: never, news: Record<string, unknown>): Promise<DiffResult> | DiffResult;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs?: Record<string, unknown> }>;
  read(id: string, props: never): Promise<{ id?: string; props?: Record<string, unknown> }>;
  update(id: string, olds: never, news: Record<string, unknown>): Promise<{ outs?: Record<string, unknown> }>;
  delete(id: string, props: never): Promise<void>;
  configureFromStack(config: { get(key: string): string | undefined }): void;
}

/** The runtime subpaths of @ghes-oauth/pulumi, one per resource. */
export type RuntimeModule = "provider-runtime" | "user-token-runtime" | "token-set-runtime";

/**
 * Loads a fresh copy of a resource's runtime, as a new provider process would: module state (the
 * server-clock offset, pooled clients, the stack's connection settings) starts empty, then `config` (stack
 * config such as `ghes-oauth:baseUrl`) is handed over as the provider's configure does.
 */
export function providerProcess(
  module: RuntimeModule,
  config: Record<string, { value: string }> = {},
): () => Promise<ResourceRuntime> {
  return async () => {
    vi.resetModules();
    const runtime = (await import(`@ghes-oauth/pulumi/${module}`)) as ResourceRuntime;
    runtime.configureFromStack({ get: (key) => config[key]?.value });
    return runtime;
  };
}
interface CheckResult {
  inputs?: Record<string, unknown>;
  failures?: { property: string; reason: string }[];
}
interface DiffResult {
  changes?: boolean;
  replaces?: string[];
  deleteBeforeReplace?: boolean;
}

/** What the engine decides for a resource at preview or up. */
export type Plan = "create" | "same" | "update" | "replace";

export interface LifecycleOptions {
  /**
   * The provider's secret convention: the dynamic-provider host accepts no secrets, so the engine sends
   * every value plain (the default); a native provider accepts them, so check's inputs keep secret markers
   * on `secretInputs`.
   */
  acceptsSecrets?: boolean;
  /** The inputs the resource's class or SDK always wraps in `pulumi.secret` (the contract's secret inputs). */
  secretInputs?: readonly string[];
}

/** A check that failed: what `pulumi preview` or `up` would stop with, before any create. */
export class CheckFailedError extends Error {
  constructor(readonly failures: { property: string; reason: string }[]) {
    super(failures.map((failure) => failure.reason).join("\n"));
  }
}

// The serialized provider the engine adds to every input bag of a dynamic resource.
const PROVIDER_KEY = "__provider";
const SERIALIZED_PROVIDER = "exports.handler = __provider;";

function reveal(value: unknown): unknown {
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[specialSigKey] === specialSecretSig) return reveal(record.value);
    if (Array.isArray(value)) return value.map(reveal);
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, reveal(item)]));
  }
  return value;
}

/** A value as it crosses the provider protocol (a protobuf Struct): JSON, undefined properties dropped. */
function overTheWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? {})) as T;
}

/**
 * One resource driven through its provider runtime in-process, with the engine's calling conventions
 * (as `pulumi-go-provider`'s integration.LifeCycleTest does for Go providers): check gets the old and new
 * inputs, diff the old state and the checked inputs, create/update/delete the checked inputs and the state;
 * every value is JSON over the wire with `__provider` added; properties not known yet at preview are the
 * engine's unknown sentinel; a replacement creates the new resource before deleting the old one (unless
 * diff asks for delete-before-replace); a read without an id drops the resource from state. Each engine
 * operation (preview, up, refresh, destroy) runs in a new provider process: `load` gives a fresh runtime.
 */
export class Lifecycle {
  /** The resource's id and outputs in state, and the inputs they were made from. */
  state: { id: string; outs: Record<string, unknown>; inputs: Record<string, unknown> } | undefined;

  private process: ResourceRuntime | undefined;

  constructor(
    private readonly load: () => Promise<ResourceRuntime>,
    private readonly options: LifecycleOptions = {},
  ) {}

  /** The provider process of the current operation. */
  private get runtime(): ResourceRuntime {
    if (this.process === undefined) throw new Error("no provider process: call an operation first");
    return this.process;
  }

  /** A new engine operation: a new provider process. */
  private async start(): Promise<void> {
    this.process = await this.load();
  }

  private sent(inputs: Record<string, unknown>, unknown: readonly string[] = []): Record<string, unknown> {
    const wire = overTheWire(inputs);
    for (const key of unknown) wire[key] = unknownValue;
    for (const key of this.options.acceptsSecrets ? (this.options.secretInputs ?? []) : []) {
      if (wire[key] !== undefined && wire[key] !== unknownValue) {
        wire[key] = { [specialSigKey]: specialSecretSig, value: wire[key] };
      }
    }
    return { ...wire, [PROVIDER_KEY]: SERIALIZED_PROVIDER };
  }

  /** The provider's check of `news` against the inputs in state; failures as the engine would report them. */
  async check(news: Record<string, unknown>, options: { unknown?: readonly string[] } = {}) {
    const result = await this.runtime.check(this.state?.inputs ?? {}, this.sent(news, options.unknown));
    return {
      failures: result.failures ?? [],
      inputs: overTheWire(reveal(result.inputs ?? this.sent(news, options.unknown))) as Record<
        string,
        unknown
      >,
    };
  }

  /** `pulumi preview`: check, then the plan diff gives; nothing is created, changed or deleted. */
  async preview(news: Record<string, unknown>, options: { unknown?: readonly string[] } = {}) {
    await this.start();
    const { failures, inputs } = await this.check(news, options);
    if (failures.length > 0) return { failures, plan: undefined, replaces: [] as string[] };
    if (this.state === undefined) return { failures, plan: "create" as Plan, replaces: [] as string[] };
    const diff = await this.diff(inputs);
    return { failures, plan: planOf(diff), replaces: diff.replaces ?? [] };
  }

  private async diff(inputs: Record<string, unknown>): Promise<DiffResult> {
    const state = this.state;
    if (state === undefined) throw new Error("no resource in state to diff");
    return this.runtime.diff(
      overTheWire({ ...state.outs, [PROVIDER_KEY]: SERIALIZED_PROVIDER }) as never,
      inputs,
    );
  }

  /** `pulumi up`: check (failures throw CheckFailedError), then create, update or replace. */
  async up(
    news: Record<string, unknown>,
  ): Promise<{ plan: Plan; replaces: string[]; outs: Record<string, unknown> }> {
    await this.start();
    const { failures, inputs } = await this.check(news);
    if (failures.length > 0) throw new CheckFailedError(failures);
    const state = this.state;
    if (state === undefined) {
      const created = await this.runtime.create(inputs);
      this.state = { id: created.id, outs: overTheWire(created.outs ?? {}), inputs: overTheWire(news) };
      return { plan: "create", replaces: [], outs: this.state.outs };
    }
    const diff = await this.diff(inputs);
    const plan = planOf(diff);
    if (plan === "same") return { plan, replaces: [], outs: state.outs };
    if (plan === "update") {
      const updated = await this.runtime.update(state.id, overTheWire(state.outs) as never, inputs);
      this.state = { id: state.id, outs: overTheWire(updated.outs ?? {}), inputs: overTheWire(news) };
      return { plan, replaces: [], outs: this.state.outs };
    }
    if (diff.deleteBeforeReplace) await this.runtime.delete(state.id, overTheWire(state.outs) as never);
    const created = await this.runtime.create(inputs);
    if (!diff.deleteBeforeReplace) await this.runtime.delete(state.id, overTheWire(state.outs) as never);
    this.state = { id: created.id, outs: overTheWire(created.outs ?? {}), inputs: overTheWire(news) };
    return { plan, replaces: diff.replaces ?? [], outs: this.state.outs };
  }

  /** `pulumi refresh`: read; a resource the provider no longer finds leaves state. */
  async refresh(): Promise<"kept" | "dropped"> {
    const state = this.state;
    if (state === undefined) throw new Error("no resource in state to refresh");
    await this.start();
    const read = await this.runtime.read(state.id, overTheWire(state.outs) as never);
    if (!read.id) {
      this.state = undefined;
      return "dropped";
    }
    this.state = { ...state, id: read.id, outs: overTheWire(read.props ?? state.outs) };
    return "kept";
  }

  /** `pulumi destroy`: delete what state holds. */
  async destroy(): Promise<void> {
    const state = this.state;
    if (state === undefined) return;
    await this.start();
    await this.runtime.delete(state.id, overTheWire(state.outs) as never);
    this.state = undefined;
  }
}

function planOf(diff: DiffResult): Plan {
  if ((diff.replaces ?? []).length > 0) return "replace";
  return diff.changes === false ? "same" : "update";
}
