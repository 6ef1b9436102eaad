import { isUnknown, UNKNOWN, type Unknown } from "./model.js";
import type { InputLeaf } from "./secret-inputs.js";

/** A value the engine holds as a secret. */
export class SecretValue {
  constructor(readonly value: EngineValue) {}
}

/** Resource properties as the engine sends them to an analyzer, secrets and unknowns marked. */
export type EngineValue =
  | null
  | boolean
  | number
  | string
  | Unknown
  | SecretValue
  | EngineValue[]
  | { [key: string]: EngineValue };

// The signatures of Pulumi's property wire format (sdk/go/common/resource/sig).
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Decodes properties in Pulumi's wire format (as JSON) into marked values. */
export function decodeEngineProperties(wire: unknown): EngineValue {
  if (wire === UNKNOWN_VALUE) return UNKNOWN;
  if (wire === null || wire === undefined) return null;
  if (typeof wire === "boolean" || typeof wire === "number" || typeof wire === "string") return wire;
  if (Array.isArray(wire)) return wire.map(decodeEngineProperties);
  const object = wire as Record<string, unknown>;
  if (object[SIG_KEY] === SECRET_SIG) return new SecretValue(decodeEngineProperties(object.value));
  const decoded: { [key: string]: EngineValue } = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) decoded[key] = decodeEngineProperties(value);
  }
  return decoded;
}

/** The plain data of `value`: secrets unwrapped (for rules that judge the value, never to show it). */
export function reveal(value: EngineValue): unknown {
  if (value instanceof SecretValue) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === "object" && value !== null && !isUnknown(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reveal(item)]));
  return value;
}

/** Every known string of `value` with its property path and whether it sits inside a secret. */
export function inputLeaves(value: EngineValue, path = "", secret = false): InputLeaf[] {
  if (value instanceof SecretValue) return inputLeaves(value.value, path, true);
  if (typeof value === "string") return [{ path, value, secret }];
  const join = (key: string | number) => (path === "" ? String(key) : `${path}.${key}`);
  if (Array.isArray(value)) return value.flatMap((item, index) => inputLeaves(item, join(index), secret));
  if (typeof value === "object" && value !== null && !isUnknown(value))
    return Object.entries(value).flatMap(([key, item]) => inputLeaves(item, join(key), secret));
  return [];
}
