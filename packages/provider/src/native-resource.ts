import type * as dynamic from "@pulumi/pulumi/dynamic/index.js";
import type * as provider from "@pulumi/pulumi/provider/index.js";
import { markSecrets, unwrapSecrets } from "./secret-markers.js";

/** One resource's implementation as @ghes-oauth/pulumi's runtime exports it (the dynamic provider's). */
export interface ResourceRuntime {
  check(olds: unknown, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(olds: never, news: Record<string, unknown>): dynamic.DiffResult | Promise<dynamic.DiffResult>;
  create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult>;
  read(id: string, props: never): Promise<dynamic.ReadResult>;
  update(id: string, olds: never, news: Record<string, unknown>): Promise<dynamic.UpdateResult>;
  delete(id: string, props: never): Promise<void>;
}

/** What the native provider calls for one resource type. */
export interface NativeResource {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<provider.CheckResult>;
  diff(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<provider.DiffResult>;
  create(inputs: Record<string, unknown>): Promise<provider.CreateResult>;
  read(id: string, props: Record<string, unknown>): Promise<provider.ReadResult>;
  update(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<provider.UpdateResult>;
  delete(id: string, props: Record<string, unknown>): Promise<void>;
}

/**
 * The native face of a runtime: the same functions the dynamic resource calls. The only differences are
 * the protocol's: the engine sends secrets wrapped (check judges them wrapped, so it can tell which
 * values are secret and never points a failure at one; everything else gets plain values), and the
 * outputs the schema marks secret go back wrapped, whatever SDK the program used.
 */
export function nativeResource(runtime: ResourceRuntime, secretOutputs: readonly string[]): NativeResource {
  const secret = (props: Record<string, unknown> | undefined) =>
    props === undefined ? undefined : markSecrets(props, secretOutputs);
  return {
    check: (olds, news) => runtime.check(unwrapSecrets(olds), news),
    diff: async (olds, news) => runtime.diff(unwrapSecrets(olds) as never, unwrapSecrets(news)),
    create: async (inputs) => {
      const { id, outs } = await runtime.create(unwrapSecrets(inputs));
      return { id, outs: secret(outs) };
    },
    read: async (id, props) => {
      const result = await runtime.read(id, unwrapSecrets(props) as never);
      return result.id ? { id: result.id, props: secret(result.props) } : {};
    },
    update: async (id, olds, news) => {
      const { outs } = await runtime.update(id, unwrapSecrets(olds) as never, unwrapSecrets(news));
      return { outs: secret(outs) };
    },
    delete: (id, props) => runtime.delete(id, unwrapSecrets(props) as never),
  };
}
