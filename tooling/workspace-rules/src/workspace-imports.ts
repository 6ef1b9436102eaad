import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

export interface WorkspacePackage {
  name: string;
  /** Relative to the workspace root, e.g. `packages/client`. */
  dir: string;
  private: boolean;
  /** Names in dependencies and peerDependencies: what an installed copy can resolve. */
  installed: Set<string>;
}

export interface ImportSite {
  /** Relative to the package, e.g. `src/index.ts`. */
  file: string;
  specifier: string;
  /** From src/ or bin/: code the package ships. */
  shipped: boolean;
}

const SOURCE = /\.(c|m)?(t|j)s$/;
const SKIPPED = new Set(["node_modules", "dist", ".pulumi", ".turbo", ".vitest", ".demo"]);

/** The workspaces under packages/, apps/ and tooling/ (the fixture projects inside a package are its files). */
export function workspacePackages(root: string): WorkspacePackage[] {
  return ["packages", "apps", "tooling"]
    .flatMap((folder) => readdirSync(join(root, folder)).map((name) => join(folder, name)))
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
        name: string;
        private?: boolean;
        dependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
      };
      return {
        name: manifest.name,
        dir,
        private: manifest.private === true,
        installed: new Set([
          ...Object.keys(manifest.dependencies ?? {}),
          ...Object.keys(manifest.peerDependencies ?? {}),
        ]),
      };
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Every import, export-from, dynamic import and require in the package's own source files (comments skipped). */
export function importSites(root: string, pkg: WorkspacePackage): ImportSite[] {
  const packageDir = join(root, pkg.dir);
  return sourceFiles(packageDir).flatMap((path) => {
    const file = relative(packageDir, path).split(sep).join("/");
    const shipped = file.startsWith("src/") || file.startsWith("bin/");
    const { importedFiles } = ts.preProcessFile(readFileSync(path, "utf8"), true, true);
    return importedFiles.map(({ fileName }) => ({ file, specifier: fileName, shipped }));
  });
}

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

/** For a relative specifier: the workspace it lands in when that is not the importing package's own. */
export function relativeTarget(
  root: string,
  pkg: WorkspacePackage,
  site: ImportSite,
  packages: WorkspacePackage[],
): string | undefined {
  const target = resolve(root, pkg.dir, dirname(site.file), site.specifier);
  const inside = (dir: string) => !relative(join(root, dir), target).startsWith("..");
  if (inside(pkg.dir)) return undefined;
  return packages.find((other) => inside(other.dir))?.name ?? relative(root, target);
}
