import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileGuard } from "../src/schemas/compile-guard.js";
import {
  authorizationSchema,
  scopedAuthorizationSchema,
  scopedInstallationSchema,
  simpleUserSchema,
} from "../src/schemas/index.js";
import { authorizationBody, scopedAuthorizationBody } from "./support/fixtures.js";

// The guard is the fast path of response validation: it must agree with zod on every value, or a bad
// shape would slip through (guard too lax) or the fast path would be lost (guard too strict).

const REPLACEMENTS: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  2 ** 53,
  "",
  "text",
  "all",
  true,
  false,
  [],
  ["a"],
  [1],
  {},
  { login: "x" },
];

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[key], path)];
  });
}

function withValue(root: Json, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (remove) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** The valid body, each value at each path replaced by each replacement or removed, plus extras. */
function variants(valid: Json): unknown[] {
  const out: unknown[] = [valid];
  for (const path of pathsOf(valid)) {
    out.push(withValue(valid, path, undefined, true));
    for (const replacement of REPLACEMENTS) out.push(withValue(valid, path, replacement, false));
  }
  out.push({ ...valid, extra_field: { nested: [1, 2] } });
  out.push(JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1)}`));
  out.push(null, [], "text", 42, Object.assign(Object.create(null), valid));
  return out;
}

const token = "ghu_0123456789abcdefghijklmnopqrstuvwxyz";

const cases: [string, z.ZodType, Json][] = [
  ["authorization", authorizationSchema, authorizationBody(token, "Iv1.abc")],
  [
    "authorization with a scoped installation",
    authorizationSchema,
    scopedAuthorizationBody(token, "Iv1.abc"),
  ],
  ["scoped authorization", scopedAuthorizationSchema, scopedAuthorizationBody(token, "Iv1.abc")],
  [
    "scoped installation",
    scopedInstallationSchema,
    (scopedAuthorizationBody(token, "Iv1.abc") as unknown as { installation: Json }).installation,
  ],
  ["simple user", simpleUserSchema, authorizationBody(token, "Iv1.abc").user],
];

describe("compileGuard", () => {
  for (const [name, schema, valid] of cases) {
    it(`agrees with zod on ${name} and every single-field mutation of it`, () => {
      const guard = compileGuard(schema);
      expect(guard).toBeDefined();
      const all = variants(valid);
      let accepted = 0;
      for (const value of all) {
        const zod = schema.safeParse(value);
        const fast = (guard as (value: unknown) => boolean)(value);
        if (fast) {
          accepted++;
          // What the fast path returns (the value itself) is what zod returns.
          expect(zod.success, JSON.stringify(value)).toBe(true);
          expect(zod.data).toStrictEqual(value);
        } else if (zod.success) {
          // Only values zod copies differently may be left to zod: an own __proto__ key, a null prototype.
          const special =
            Object.hasOwn(value as object, "__proto__") || Object.getPrototypeOf(value) === null;
          expect(special, JSON.stringify(value)).toBe(true);
        }
      }
      expect(guard?.(valid)).toBe(true);
      expect(accepted).toBeGreaterThan(1);
      expect(all.length).toBeGreaterThan(100);
    });
  }

  it("gives no guard for schemas whose output differs from their input", () => {
    expect(compileGuard(z.object({ a: z.string() }))).toBeUndefined(); // strips unknown keys
    expect(compileGuard(z.strictObject({ a: z.string() }))).toBeUndefined();
    expect(compileGuard(z.looseObject({ a: z.string().min(1) }))).toBeUndefined();
    expect(compileGuard(z.looseObject({ a: z.string().transform((s) => s.length) }))).toBeUndefined();
    expect(compileGuard(z.looseObject({ a: z.string().default("x") }))).toBeUndefined();
    expect(compileGuard(z.array(z.string()).min(1))).toBeUndefined();
    expect(compileGuard(z.number().positive())).toBeUndefined();
    expect(compileGuard(z.looseObject({ a: z.string() }).refine(() => true))).toBeUndefined();
  });
});
