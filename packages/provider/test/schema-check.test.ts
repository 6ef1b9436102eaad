import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const scratch = mkdtempSync(join(tmpdir(), "ghes-oauth-schema-check-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `pnpm run schema:check` (optionally on another file): its exit code and what it printed. */
async function schemaCheck(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync("pnpm", ["run", "--silent", "schema:check", ...args], {
      cwd: packageDir,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

// schema.json is generated from the resource contracts (@ghes-oauth/pulumi/contract): `generate` writes
// it, `schema:check` fails when the committed file is not what the contracts give.
describe("schema:check", () => {
  it("passes on the committed schema.json", async () => {
    const { code, output } = await schemaCheck();
    expect(output).toContain("matches the resource contracts");
    expect(code).toBe(0);
  });

  it("fails on a schema.json the contracts no longer give, and says how to regenerate it", async () => {
    const stale = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
    delete stale.resources["ghes-oauth:index:ScopedToken"].inputProperties.rotationTrigger;
    const file = join(scratch, "schema.json");
    writeFileSync(file, `${JSON.stringify(stale, null, 2)}\n`);
    const { code, output } = await schemaCheck("--schema", file);
    expect(code).toBe(1);
    expect(output).toContain("is stale");
    expect(output).toContain("pnpm --filter @ghes-oauth/provider generate");
  });

  it("documents the permission catalogue's names on every permission map", () => {
    const schema = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
    const maps = [
      schema.resources["ghes-oauth:index:ScopedToken"].inputProperties.permissions,
      schema.resources["ghes-oauth:index:ScopedToken"].properties.permissions,
      schema.resources["ghes-oauth:index:ScopedToken"].properties.grantedPermissions,
      schema.types["ghes-oauth:index:ScopedTokenSpec"].properties.permissions,
      schema.types["ghes-oauth:index:TokenDetails"].properties.grantedPermissions,
    ];
    for (const map of maps) {
      expect(map.additionalProperties).toEqual({ type: "string" });
      for (const name of ["contents", "workflows", "organization_plan", "single_file"]) {
        expect(map.description).toContain(`\`${name}\``);
      }
    }
  });
});
