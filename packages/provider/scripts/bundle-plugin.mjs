// Bundles the built provider (dist/main.js) and everything it imports into one CommonJS file, the
// script a Node.js single executable application runs (scripts/build-plugins.mjs). A SEA can require
// only Node's built-in modules, so nothing may be left to load from disk at run time:
// - files our packages read next to their module (`readFileSync(new URL("../schema.json",
//   import.meta.url), "utf8")`) are inlined as string literals;
// - the provider-config hook's `require`, made to resolve from @pulumi/pulumi's directory, is dropped so
//   that esbuild bundles those requires from there (the same module instances the server uses).
// Usage: node scripts/bundle-plugin.mjs [OUTFILE]; prints the bundle's path.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const pulumiDir = dirname(createRequire(join(packageDir, "package.json")).resolve("@pulumi/pulumi"));

const readBesideModule = /readFileSync\(new URL\("([^"]+)", import\.meta\.url\), "utf8"\)/g;
const requireFromPulumi =
  /const require = createRequire\(createRequire\(import\.meta\.url\)\.resolve\("@pulumi\/pulumi"\)\);/;

/** @type {import("esbuild").Plugin} */
const selfContained = {
  name: "self-contained",
  setup(build) {
    // Our own packages' built files (workspace links resolve outside node_modules).
    build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const source = readFileSync(args.path, "utf8");
      if (requireFromPulumi.test(source)) {
        return { contents: source.replace(requireFromPulumi, ""), resolveDir: pulumiDir, loader: "js" };
      }
      if (!source.includes("import.meta.url")) return undefined;
      const contents = source.replace(readBesideModule, (_, relative) =>
        JSON.stringify(readFileSync(resolve(dirname(args.path), relative), "utf8")),
      );
      return { contents, resolveDir: dirname(args.path), loader: "js" };
    });
  },
};

/** Writes the bundle to `outfile`; returns esbuild's metafile. */
export async function bundlePlugin(outfile) {
  const result = await build({
    entryPoints: [join(packageDir, "dist", "main.js")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    minify: true,
    legalComments: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [selfContained],
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outfile = resolve(process.argv[2] ?? join(packageDir, "dist-plugin", "bundle", "plugin.cjs"));
  await bundlePlugin(outfile);
  console.log(outfile);
}
