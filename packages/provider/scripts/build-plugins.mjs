// Builds the plugin as Pulumi users get plugins: one standalone executable per platform (a Node.js
// single executable application: the bundled provider injected into that platform's `node`), each in
// an archive named as the engine downloads it, pulumi-resource-ghes-oauth-v<version>-<os>-<arch>.tar.gz.
// No Node.js is needed where the plugin runs.
//
// Usage: node scripts/build-plugins.mjs --out DIR [--platforms linux-amd64,linux-arm64,...]
// Prints each archive's path. The platforms' Node.js binaries come from the npm packages node-<os>-<arch>
// and are cached outside the clone ($GHES_OAUTH_CACHE, like tooling/bootstrap.sh), keyed by version.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundlePlugin } from "./bundle-plugin.mjs";
import { nodeVersionFor, platforms } from "./plugin-platforms.mjs";

const { inject } = createRequire(import.meta.url)("postject");

const packageDir = join(dirname(new URL(import.meta.url).pathname), "..");
const { version } = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
const cacheDir =
  process.env.GHES_OAUTH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "ghes-oauth");
// The fuse Node.js looks for to know that a SEA blob was injected (Node's documented sentinel).
const seaFuse = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** The archive's file name, as the engine asks for it from a plugin download URL. */
export function archiveName(platform) {
  return `pulumi-resource-ghes-oauth-v${version}-${platform}.tar.gz`;
}

/** Unpacks npm package node-<os>-<arch>@<version> into the cache once; returns its node executable. */
function nodeBinaryFor(platform) {
  const { npmPackage, executable } = platforms[platform];
  const nodeVersion = nodeVersionFor(platform);
  const dir = join(cacheDir, `${npmPackage}-${nodeVersion}`);
  const binary = join(dir, executable);
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, ".tmp."));
  try {
    execFileSync("npm", ["pack", "--silent", `${npmPackage}@${nodeVersion}`], { cwd: tmp, stdio: "ignore" });
    const tarball = execFileSync("sh", ["-c", "ls *.tgz"], { cwd: tmp, encoding: "utf8" }).trim();
    mkdirSync(join(tmp, "unpacked"));
    execFileSync("tar", ["-xzf", tarball, "-C", "unpacked", "--strip-components=1"], { cwd: tmp });
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(tmp, "unpacked"), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return binary;
}

/** Builds the SEA blob of the bundled provider with the running Node.js (the blob is not per platform). */
function seaBlob(staging) {
  const bundle = join(staging, "plugin.cjs");
  const blob = join(staging, "plugin.blob");
  const config = join(staging, "sea-config.json");
  execFileSync("node", [
    "-e",
    `require("fs").writeFileSync(${JSON.stringify(config)}, JSON.stringify(${JSON.stringify({
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
    })}))`,
  ]);
  execFileSync("node", ["--experimental-sea-config", config], { stdio: ["ignore", "ignore", "inherit"] });
  return { bundle, blob };
}

/** Writes the executable for `platform` and its archive into `outDir`; returns the archive's path. */
async function buildPlatform(platform, blob, staging, outDir) {
  const { executable, format } = platforms[platform];
  const binaryName = `pulumi-resource-ghes-oauth${executable.endsWith(".exe") ? ".exe" : ""}`;
  const dir = join(staging, platform);
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, binaryName);
  copyFileSync(nodeBinaryFor(platform), binary);
  if (format === "pe") {
    // node.exe is Authenticode-signed; injecting invalidates the signature, so drop it (unsigned build).
    const unsigned = `${binary}.unsigned`;
    execFileSync("osslsigncode", ["remove-signature", "-in", binary, "-out", unsigned], { stdio: "ignore" });
    renameSync(unsigned, binary);
  }
  await inject(binary, "NODE_SEA_BLOB", readFileSync(blob), {
    sentinelFuse: seaFuse,
    ...(format === "macho" ? { machoSegmentName: "NODE_SEA" } : {}),
  });
  chmodSync(binary, 0o755);
  const archive = join(outDir, archiveName(platform));
  rmSync(archive, { force: true });
  execFileSync("tar", ["-czf", archive, "-C", dir, binaryName]);
  return archive;
}

/** Builds the archives of `names` (default: every platform) into `outDir`; returns their paths. */
export async function buildPlugins(outDir, names = Object.keys(platforms)) {
  for (const name of names) {
    if (!platforms[name]) {
      throw new Error(`--platforms: unknown platform ${name}; known: ${Object.keys(platforms).join(", ")}`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), "ghes-oauth-sea-"));
  try {
    await bundlePlugin(join(staging, "plugin.cjs"));
    const { blob } = seaBlob(staging);
    const archives = [];
    for (const name of names) archives.push(await buildPlatform(name, blob, staging, outDir));
    return archives;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { values } = parseArgs({ options: { out: { type: "string" }, platforms: { type: "string" } } });
  if (!values.out) {
    console.error("usage: node scripts/build-plugins.mjs --out DIR [--platforms linux-amd64,linux-arm64]");
    process.exit(2);
  }
  const names = values.platforms?.split(",").map((name) => name.trim());
  for (const archive of await buildPlugins(resolve(values.out), names)) console.log(archive);
}
