// The schema's package-level settings, kept apart from the resource descriptors: the plugin's version
// (its Node.js SDK's, @ghes-oauth/provider-sdk, the published package that Changesets bumps), where the engine downloads the plugin from, and the
// code generators' options that make every SDK ask the engine for exactly that version.
// `gen-sdk` writes them into schema.json; `sdk:check` fails when schema.json lacks them.
import { readFileSync } from "node:fs";

/** The project's GitHub releases, as the engine resolves a `github://` plugin download URL. */
export const defaultPluginDownloadURL = "github://api.github.com/ghes-oauth/ghes-oauth";

const { version } = JSON.parse(readFileSync(new URL("../sdk/nodejs/package.json", import.meta.url), "utf8"));

/**
 * The package-level schema settings. A mirror or a fork builds its own SDKs and schema with
 * `GHES_OAUTH_PLUGIN_DOWNLOAD_URL` set (e.g. `https://mirror.example.com/ghes-oauth/`).
 */
export function packageMetadata(env = process.env) {
  return {
    version,
    pluginDownloadURL: env.GHES_OAUTH_PLUGIN_DOWNLOAD_URL || defaultPluginDownloadURL,
    language: {
      nodejs: { respectSchemaVersion: true, dependencies: { "@pulumi/pulumi": "^3.259.0" } },
      go: { respectSchemaVersion: true },
      python: { respectSchemaVersion: true },
    },
  };
}

/** `schema` with the package-level settings merged in (objects merged key by key, the settings win). */
export function withPackageMetadata(schema, metadata = packageMetadata()) {
  return merge(schema, metadata);
}

function merge(base, override) {
  if (!isObject(base) || !isObject(override)) return override;
  const merged = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = merge(base[key], value);
  return merged;
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
