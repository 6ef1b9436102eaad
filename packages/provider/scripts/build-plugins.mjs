// Builds the plugin as Pulumi users get plugins: one standalone executable per platform (a Node.js
// single executable application: the bundled provider injected into that platform's `node`), each in
// an archive named as the engine downloads it, pulumi-resource-ghes-oauth-v<version>-<os>-<arch>.tar.gz.
// No Node.js is needed where the plugin runs.
//
// Usage: node scripts/build-plugins.mjs --out DIR [--platforms linux-amd64,linux-arm64,...] [--no-cache]
// Prints each archive's path. The platforms' Node.js binaries come from the npm packages node-<os>-<arch>
// and are cached outside the clone ($GHES_OAUTH_CACHE, like tooling/bootstrap.sh), keyed by version.
//
// The archives are reproducible (fixed owner and times, no gzip name or time): the same bundle, Node.js
// and platform give the same bytes. Each archive is kept in dist-plugin/archives/ under a key of those
// inputs, and a later build with the same inputs copies it instead of injecting and compressing again
// (`pnpm release:artifacts` and the tests that install the plugin share one build; `--no-cache` skips it).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import lockfile from "proper-lockfile";
import { bundlePlugin } from "./bundle-plugin.mjs";
import { nodeVersionFor, platforms } from "./plugin-platforms.mjs";

const { inject } = createRequire(import.meta.url)("postject");

const packageDir = join(dirname(new URL(import.meta.url).pathname), "..");
const { version } = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
const cacheDir =
  process.env.GHES_OAUTH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "ghes-oauth");
/** Built archives by platform and input key (gitignored with the rest of dist-plugin/). */
const archiveCache = join(packageDir, "dist-plugin", "archives");
/** gzip's default level, what `tar -z` used: level 1 saves ~60% of the CPU but ships ~11% more bytes. */
const gzipLevel = 6;
/** Every archive entry's time: npm's fixed package time (1985-10-26), which tools accept as plausible. */
const entryTime = "@499162500";
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

/**
 * Builds the SEA blob of the bundled provider with the running Node.js (the blob is not per platform).
 * Paths relative to `staging`: the blob records the main script's path, and a temp dir's name in it
 * would make every build's bytes differ.
 */
function seaBlob(staging) {
  const config = join(staging, "sea-config.json");
  execFileSync("node", [
    "-e",
    `require("fs").writeFileSync(${JSON.stringify(config)}, JSON.stringify(${JSON.stringify({
      main: "plugin.cjs",
      output: "plugin.blob",
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
    })}))`,
  ]);
  execFileSync("node", ["--experimental-sea-config", "sea-config.json"], {
    cwd: staging,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { bundle: join(staging, "plugin.cjs"), blob: join(staging, "plugin.blob") };
}

/** Writes the executable for `platform` and its archive to `archive`. */
async function buildPlatform(platform, blob, staging, archive) {
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
  rmSync(archive, { force: true });
  execFileSync("bash", [
    "-o",
    "pipefail",
    "-c",
    `tar --sort=name --mtime=${entryTime} --owner=0 --group=0 --numeric-owner -cf - -C "$1" "$2" | gzip -${gzipLevel} -n > "$3"`,
    "tar",
    dir,
    binaryName,
    archive,
  ]);
}

const sha256 = (data) => createHash("sha256").update(data).digest("hex");

/** What `platform`'s archive is made of: the bundle, the Node.js that writes the blob, the platform's
 * Node.js binary and format, and this script (how they are put together). */
function inputKey(platform, bundle) {
  const { npmPackage, format } = platforms[platform];
  return sha256(
    JSON.stringify({
      bundle: sha256(readFileSync(bundle)),
      blobNode: process.version,
      platform,
      npmPackage,
      nodeVersion: nodeVersionFor(platform),
      format,
      gzipLevel,
      script: sha256(readFileSync(new URL(import.meta.url))),
    }),
  ).slice(0, 24);
}

/** The cached archive of `platform` for `key`, after dropping that platform's archives of other keys. */
function cachedArchive(platform, key) {
  const current = `${platform}-${key}.tar.gz`;
  const other = new RegExp(`^${platform}-[0-9a-f]{24}\\.tar\\.gz$`);
  if (existsSync(archiveCache)) {
    for (const name of readdirSync(archiveCache)) {
      if (other.test(name) && name !== current) rmSync(join(archiveCache, name), { force: true });
    }
  }
  return join(archiveCache, current);
}

/**
 * Makes `cached` with `build(partialPath)` unless it exists. One process builds a key at a time
 * (proper-lockfile: a lock directory whose holder keeps it fresh, taken over once stale after a kill):
 * test files in other packages that need the same archive wait for it rather than build it a second
 * time. The archive appears by rename, never half-written.
 */
async function ensureCached(cached, build) {
  mkdirSync(archiveCache, { recursive: true });
  if (existsSync(cached)) return;
  // A build takes about a minute on a loaded 2-core runner: wait up to 10 minutes for another's.
  const release = await lockfile.lock(cached, {
    realpath: false,
    retries: { retries: 1200, factor: 1, minTimeout: 500, maxTimeout: 500 },
  });
  try {
    if (existsSync(cached)) return;
    const partial = `${cached}.${process.pid}.partial`;
    await build(partial);
    renameSync(partial, cached);
  } finally {
    await release();
  }
}

/**
 * Builds the archives of `names` (default: every platform) into `outDir`, each taken from the archive
 * cache when its inputs are unchanged (unless `cache` is false); returns their paths.
 */
export async function buildPlugins(outDir, names = Object.keys(platforms), { cache = true } = {}) {
  for (const name of names) {
    if (!platforms[name]) {
      throw new Error(`--platforms: unknown platform ${name}; known: ${Object.keys(platforms).join(", ")}`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), "ghes-oauth-sea-"));
  try {
    const bundle = join(staging, "plugin.cjs");
    await bundlePlugin(bundle);
    let blob;
    const archives = [];
    for (const name of names) {
      const archive = join(outDir, archiveName(name));
      const build = async (path) => {
        blob ??= seaBlob(staging).blob;
        await buildPlatform(name, blob, staging, path);
      };
      if (cache) {
        const cached = cachedArchive(name, inputKey(name, bundle));
        await ensureCached(cached, build);
        rmSync(archive, { force: true });
        copyFileSync(cached, archive);
      } else {
        await build(archive);
      }
      archives.push(archive);
    }
    return archives;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { values } = parseArgs({
    options: { out: { type: "string" }, platforms: { type: "string" }, "no-cache": { type: "boolean" } },
  });
  if (!values.out) {
    console.error(
      "usage: node scripts/build-plugins.mjs --out DIR [--platforms linux-amd64,linux-arm64] [--no-cache]",
    );
    process.exit(2);
  }
  const names = values.platforms?.split(",").map((name) => name.trim());
  const options = { cache: !values["no-cache"] };
  for (const archive of await buildPlugins(resolve(values.out), names, options)) console.log(archive);
}
