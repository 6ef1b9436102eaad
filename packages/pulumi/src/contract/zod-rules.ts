import { z } from "zod";
import type { PropertySpec, ResourceContract } from "./property.js";

/** The rule of a property whose type alone says what it takes (a string, a number, true or false). */
function primitiveRule(spec: PropertySpec): z.ZodType | undefined {
  if (!("type" in spec.type)) return undefined;
  const rule = {
    string: () => z.string({ error: "must be a string" }),
    integer: () => z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }),
    number: () => z.number({ error: "must be a number" }),
    boolean: () => z.boolean({ error: "must be true or false" }),
  }[spec.type.type as string];
  if (rule === undefined) return undefined;
  return spec.required ? rule() : rule().optional();
}

/**
 * The zod shape of a contract's inputs: `rules` for the properties that need more than their type says,
 * and for every other input whose type is a string, number or boolean, the rule its type gives. A new
 * simple input is validated without a hand-written rule.
 */
export function contractShape<C extends ResourceContract>(
  contract: C,
  rules: Partial<Record<keyof C["inputs"] & string, z.ZodType>>,
  handledElsewhere: readonly string[] = [],
): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(contract.inputs)) {
    if (handledElsewhere.includes(name)) continue;
    const rule = (rules as Record<string, z.ZodType | undefined>)[name] ?? primitiveRule(spec);
    if (rule !== undefined) shape[name] = rule;
  }
  return shape;
}
