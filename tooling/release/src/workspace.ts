import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface PublicPackage {
  name: string;
  version: string;
  /** Absolute. */
  dir: string;
}

/** Every workspace package that is published (not `private`), as pnpm lists them. */
export function publicPackages(): PublicPackage[] {
  const listed = JSON.parse(
    execFileSync("pnpm", ["ls", "--recursive", "--depth", "-1", "--json"], { cwd: root, encoding: "utf8" }),
  ) as { name: string; version: string; path: string; private: boolean }[];
  return listed
    .filter((pkg) => !pkg.private)
    .map(({ name, version, path }) => ({ name, version, dir: path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * `pnpm pack`s the package in `dir` into `destination` (workspace:* ranges become the packages' versions,
 * as `pnpm publish` writes them); returns the tarball's path.
 */
export function pack(dir: string, destination: string): string {
  const printed = execFileSync("pnpm", ["pack", "--pack-destination", destination], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const tarball = printed.trim().split("\n").at(-1);
  if (!tarball?.endsWith(".tgz")) throw new Error(`pnpm pack in ${dir} printed no tarball path:\n${printed}`);
  return tarball;
}
