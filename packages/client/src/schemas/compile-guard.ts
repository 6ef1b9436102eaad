import type { z } from "zod";

/** Says whether a value passes a schema as it is: zod would return an equal value and no issue. */
export type Guard = (value: unknown) => boolean;

// The schema kinds the response schemas are built from. Anything else (transforms, refinements,
// strip or strict objects, string checks, defaults) gets no guard, and its values always go to zod.
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, unknown>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

// A plain object as JSON.parse makes them (zod returns one for other objects too: let zod copy those),
// without an own `__proto__` key (zod leaves it out of what it returns).
const isRecordObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  Object.getPrototypeOf(value) === Object.prototype &&
  !Object.hasOwn(value, "__proto__");

/**
 * A fast predicate for the values a schema accepts unchanged, or undefined when the schema uses
 * something it does not cover. A value the guard accepts is exactly what zod would return (a loose
 * object keeps every field); a value it rejects still goes to zod, which names the issues. So the
 * guard only saves time: the answer stays zod's.
 */
export function compileGuard(schema: z.ZodType): Guard | undefined {
  const def = defOf(schema);
  const checks = def.checks ?? [];
  switch (def.type) {
    case "unknown":
    case "any":
      return () => true;
    case "string":
      return checks.length === 0 ? (value) => typeof value === "string" : undefined;
    case "boolean":
      return checks.length === 0 ? (value) => typeof value === "boolean" : undefined;
    case "number": {
      if (checks.length === 0) return (value) => typeof value === "number" && Number.isFinite(value);
      const safeInteger = checks.every(
        (check) => check._zod.def.check === "number_format" && check._zod.def.format === "safeint",
      );
      return safeInteger ? (value) => Number.isSafeInteger(value) : undefined;
    }
    case "enum": {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => allowed.has(value);
    }
    case "nullable": {
      const inner = compileGuard(def.innerType as z.ZodType);
      return inner && ((value) => value === null || inner(value));
    }
    case "optional": {
      const inner = compileGuard(def.innerType as z.ZodType);
      return inner && ((value) => value === undefined || inner(value));
    }
    case "array": {
      const element = compileGuard(def.element as z.ZodType);
      if (!element || checks.length > 0) return undefined;
      return (value) => Array.isArray(value) && value.every(element);
    }
    case "record": {
      const key = defOf(def.keyType as z.ZodType);
      const item = compileGuard(def.valueType as z.ZodType);
      if (!item || checks.length > 0 || key.type !== "string" || (key.checks ?? []).length > 0) {
        return undefined;
      }
      return (value) => isRecordObject(value) && Object.values(value).every(item);
    }
    case "object":
      return compileLooseObject(def);
    default:
      return undefined;
  }
}

function compileLooseObject(def: Def): Guard | undefined {
  // Only loose objects return every field they are given; a strip or strict one changes or refuses extras.
  if (def.catchall === undefined || defOf(def.catchall).type !== "unknown") return undefined;
  if ((def.checks ?? []).length > 0) return undefined;
  const keys: string[] = [];
  const guards: Guard[] = [];
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const guard = compileGuard(field);
    if (!guard) return undefined;
    keys.push(key);
    guards.push(guard);
  }
  // A key Object.prototype also has (`constructor`) is read as an own field only, so a missing one is not
  // taken from the prototype; any other missing key simply reads undefined.
  const inherited = keys.map((key) => key in Object.prototype);
  return (value) => {
    if (!isRecordObject(value)) return false;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      const field = inherited[index] ? (Object.hasOwn(value, key) ? value[key] : undefined) : value[key];
      if (!(guards[index] as Guard)(field)) return false;
    }
    return true;
  };
}
