/** A policy config file that cannot be used: the message names the key and the fix. */
export class PolicyConfigError extends Error {
  override readonly name = "PolicyConfigError";
}

type Raw = Readonly<Record<string, unknown>>;

/** Readers for one policy's config object; errors name `policy.key`. */
export function configReader(policy: string, raw: Raw) {
  const fail = (key: string, text: string): never => {
    throw new PolicyConfigError(`policy config ${policy}.${key}: ${text}`);
  };
  return {
    fail,
    stringList(key: string): string[] | undefined {
      const value = raw[key];
      if (value === undefined) return undefined;
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item !== ""))
        return fail(key, 'must be a list of names, e.g. ["acme"]');
      return value as string[];
    },
    idList(key: string): number[] | undefined {
      const value = raw[key];
      if (value === undefined) return undefined;
      if (!Array.isArray(value) || !value.every((item) => Number.isSafeInteger(item) && item > 0))
        return fail(key, "must be a list of positive whole numbers, e.g. [1234]");
      return value as number[];
    },
    boolean(key: string): boolean | undefined {
      const value = raw[key];
      if (value === undefined || typeof value === "boolean") return value;
      return fail(key, "must be true or false");
    },
    count(key: string): number | undefined {
      const value = raw[key];
      if (value === undefined) return undefined;
      if (!Number.isSafeInteger(value) || (value as number) < 0)
        return fail(key, "must be a whole number, 0 or more");
      return value as number;
    },
    oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
      const value = raw[key];
      if (value === undefined) return undefined;
      if (typeof value !== "string" || !(allowed as readonly string[]).includes(value))
        return fail(key, `must be one of ${allowed.map((item) => `"${item}"`).join(", ")}`);
      return value as T;
    },
    record(key: string): Raw | undefined {
      const value = raw[key];
      if (value === undefined) return undefined;
      if (typeof value !== "object" || value === null || Array.isArray(value))
        return fail(key, 'must be an object, e.g. {"contents": "read"}');
      return value as Raw;
    },
    value: (key: string) => raw[key],
  };
}
