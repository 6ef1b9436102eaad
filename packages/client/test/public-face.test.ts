import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ZodType } from "zod";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

// What an importer of the published package sees: the built modules behind its exports map.
async function runtimeExports(entry: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(join(dist, entry)).href)) as Record<string, unknown>;
}

describe("the package root", () => {
  it("keeps at most 40 runtime exports: the client, operations, errors and request settings", async () => {
    const root = await runtimeExports("index.js");
    expect(Object.keys(root).length).toBeGreaterThan(0);
    expect(Object.keys(root).length).toBeLessThanOrEqual(40);
    expect(root).toHaveProperty("OAuthAppClient");
    expect(root).toHaveProperty("NotFoundError");
  });

  it("exports no zod schema and no permission catalogue", async () => {
    const root = await runtimeExports("index.js");
    const schemas = Object.entries(root).filter(([, value]) => value instanceof ZodType);
    expect(schemas.map(([name]) => name)).toEqual([]);
    expect(Object.keys(root).filter((name) => /schema|PERMISSION|ermission/i.test(name))).toEqual([]);
  });
});

describe("@ghes-oauth/client/schemas", () => {
  it("exports the schemas and the permission catalogue the root no longer does", async () => {
    const schemas = await runtimeExports("schemas/index.js");
    for (const name of [
      "authorizationSchema",
      "scopeTokenInputSchema",
      "permissionsSchema",
      "userTokenGrantSchema",
    ]) {
      expect(schemas[name], name).toBeInstanceOf(ZodType);
    }
    expect(schemas.PERMISSION_NAMES).toContain("contents");
    for (const [name, value] of Object.entries(schemas).filter(([name]) => name.endsWith("Schema"))) {
      // A schema, or a factory of one (createScopeTokenInputSchema and its kin).
      expect(
        value instanceof ZodType || (name.startsWith("create") && typeof value === "function"),
        name,
      ).toBe(true);
    }
  });
});
