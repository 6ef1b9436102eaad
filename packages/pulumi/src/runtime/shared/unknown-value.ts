import { unknownValue } from "@pulumi/pulumi/runtime/rpc.js";

/** The sentinel the engine puts where a value is not known yet (during preview). */
export const UNKNOWN_VALUE: string = unknownValue;

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
