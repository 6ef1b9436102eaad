import { createRequire } from "node:module";
import { decodeEngineProperties, type EngineValue } from "../rules/index.js";

interface WireStruct {
  toJavaScript(): unknown;
}
interface DeserializeModule {
  deserializeProperties(struct: WireStruct, proxySecrets: boolean): unknown;
}

// @pulumi/policy hands policies the properties with every secret unwrapped and no trace of which were
// secret, yet `ghes-oauth-secret-inputs` must tell a secret token from a plain one. The engine does send
// the secret marks; so the pack keeps, for each properties object the SDK builds, the wire form it was
// built from, and decodes that. (The SDK calls the module's export at call time, so wrapping it here
// takes effect for every request.)
const deserialize = createRequire(import.meta.url)("@pulumi/policy/deserialize.js") as DeserializeModule;
const wireForms = new WeakMap<object, unknown>();
const sdkDeserialize = deserialize.deserializeProperties;
deserialize.deserializeProperties = (struct, proxySecrets) => {
  const properties = sdkDeserialize(struct, proxySecrets);
  if (typeof properties === "object" && properties !== null) wireForms.set(properties, struct.toJavaScript());
  return properties;
};

// The SDK wraps properties in a proxy that throws on unknown values; this key yields the object inside.
const PROXY_TARGET = "__getSpecialProxyTarget";

/** A resource's properties as the engine sent them: secrets and unknowns marked. */
export function enginePropertiesOf(props: object): EngineValue {
  const target = (props as Record<string, unknown>)[PROXY_TARGET] ?? props;
  const wire = typeof target === "object" && target !== null ? wireForms.get(target) : undefined;
  if (wire === undefined)
    throw new Error(
      "@ghes-oauth/policy cannot see which inputs are secret with this @pulumi/policy release; install the @pulumi/policy version @ghes-oauth/policy depends on",
    );
  return decodeEngineProperties(wire);
}
