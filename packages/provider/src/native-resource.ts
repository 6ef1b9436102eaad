import type * as dynamic from "@pulumi/pulumi/dynamic/index.js";
import type * as provider from "@pulumi/pulumi/provider/index.js";
import { markSecrets, secretPropertiesOf, unwrapSecrets } from "./secret-markers.js";

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

export interface NativeResourceOptions {
  /**
   * The resource is never replaced: every change is an update (ScopedTokenSet, which mints and revokes
   * per entry). Its diff then never reports a property that forces replacement.
   */
  updateOnly?: boolean;
}

/**
 * The native face of a runtime: the same functions the dynamic resource calls. The only differences are
 * the protocol's: the engine sends secrets wrapped (check judges them wrapped, so it can tell which
 * values are secret and never points a failure at one; everything else gets plain values), and the
 * outputs go back wrapped where the schema marks them secret, whatever SDK the program used, and where
 * the value they were made from was a secret (as the engine itself does for providers that take no
 * secrets: a secret `rotationTrigger` stays one in the outputs).
 */
export function nativeResource(
  runtime: ResourceRuntime,
  secretOutputs: readonly string[],
  options: NativeResourceOptions = {},
): NativeResource {
  const secret = (props: Record<string, unknown> | undefined, from: Record<string, unknown>) =>
    props === undefined ? undefined : markSecrets(props, [...secretOutputs, ...secretPropertiesOf(from)]);
  return {
    check: (olds, news) => runtime.check(unwrapSecrets(olds), news),
    diff: async (olds, news) => {
      const result = await runtime.diff(unwrapSecrets(olds) as never, unwrapSecrets(news));
      return options.updateOnly
        ? { changes: result.changes, replaces: [], deleteBeforeReplace: false }
        : result;
    },
    create: async (inputs) => {
      const { id, outs } = await runtime.create(unwrapSecrets(inputs));
      return { id, outs: secret(outs, inputs) };
    },
    read: async (id, props) => {
      const result = await runtime.read(id, unwrapSecrets(props) as never);
      return result.id ? { id: result.id, props: secret(result.props, props) } : {};
    },
    update: async (id, olds, news) => {
      const { outs } = await runtime.update(id, unwrapSecrets(olds) as never, unwrapSecrets(news));
      return { outs: secret(outs, news) };
    },
    delete: (id, props) => runtime.delete(id, unwrapSecrets(props) as never),
  };
}
