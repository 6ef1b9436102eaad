// Reads every workspace's imports and holds them to the rules in src/rules.ts. Part of `npm test` and of
// `pnpm test:unit`; never cached (it reads the other packages' files).
import { isBuiltin } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHIPPED_IMPORTS, TEST_ONLY_IMPORTS, TEST_TOOLING } from "../src/rules.js";
import {
  type ImportSite,
  importSites,
  packageOf,
  relativeTarget,
  type WorkspacePackage,
  workspacePackages,
} from "../src/workspace-imports.js";

const root = join(import.meta.dirname, "..", "..", "..");
const packages = workspacePackages(root);
const workspaceNames = new Set(packages.map((pkg) => pkg.name));
const isLibrary = (pkg: WorkspacePackage) => pkg.dir.startsWith("packages/");
const libraries = packages.filter(isLibrary);

function allowedImports(pkg: WorkspacePackage, site: ImportSite): string[] {
  const testTooling = site.shipped ? [] : TEST_TOOLING;
  if (!isLibrary(pkg)) return [...libraries.map((library) => library.name), ...testTooling];
  const testOnly = site.shipped ? [] : (TEST_ONLY_IMPORTS[pkg.name] ?? []);
  return [...(SHIPPED_IMPORTS[pkg.name] ?? []), ...testOnly, ...testTooling];
}

function ruleViolations(pkg: WorkspacePackage): string[] {
  return importSites(root, pkg).flatMap((site) => {
    if (site.specifier.startsWith(".")) {
      const target = relativeTarget(root, pkg, site, packages);
      return target
        ? [`${site.file} reaches into ${target} by a relative path ("${site.specifier}"): import it by name`]
        : [];
    }
    const name = packageOf(site.specifier);
    if (!workspaceNames.has(name) || name === pkg.name) return [];
    const allowed = allowedImports(pkg, site);
    if (allowed.includes(name)) return [];
    const code = site.shipped ? "shipped code (src/, bin/)" : "test code";
    return [
      `${site.file} imports ${name}, but ${pkg.name}'s ${code} may import only: ${allowed.join(", ") || "none"}`,
    ];
  });
}

function undeclaredImports(pkg: WorkspacePackage): string[] {
  return importSites(root, pkg)
    .filter((site) => site.shipped && !site.specifier.startsWith(".") && !isBuiltin(site.specifier))
    .map((site) => ({ site, name: packageOf(site.specifier) }))
    .filter(({ name }) => name !== pkg.name && !pkg.installed.has(name))
    .map(
      ({ site, name }) => `${site.file} imports ${name}, which is not in dependencies or peerDependencies`,
    );
}

describe("workspace dependency rules", () => {
  it("has a rule for every package under packages/", () => {
    expect(libraries.filter((pkg) => !(pkg.name in SHIPPED_IMPORTS)).map((pkg) => pkg.name)).toEqual([]);
  });

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))(
    "%s imports only what its rules allow",
    (_name, pkg) => {
      expect(ruleViolations(pkg)).toEqual([]);
    },
  );

  it.each(packages.filter((pkg) => !pkg.private).map((pkg) => [pkg.name, pkg] as const))(
    "%s declares every package its shipped code imports",
    (_name, pkg) => {
      expect(undeclaredImports(pkg)).toEqual([]);
    },
  );

  it("sees the imports it judges: the client's tests use the emulator, the Pulumi package's code the client", () => {
    const sites = (name: string) =>
      importSites(root, packages.find((pkg) => pkg.name === name) as WorkspacePackage);
    expect(
      sites("@ghes-oauth/client").some(
        (site) => !site.shipped && packageOf(site.specifier) === "@ghes-oauth/emulator",
      ),
    ).toBe(true);
    expect(
      sites("@ghes-oauth/pulumi").some((site) => site.shipped && site.specifier === "@ghes-oauth/client"),
    ).toBe(true);
  });
});
