// The schema's package-level settings as `gen-sdk` checks them in schema.json: the plugin's version, where
// the engine downloads the plugin from, and the code generators' options that make every SDK ask the
// engine for exactly that version. They are defined once, in src/package-metadata.ts (Node strips its types).
import { DEFAULT_PLUGIN_DOWNLOAD_URL, PACKAGE_METADATA, pluginDownloadURL } from "../src/package-metadata.ts";

export const defaultPluginDownloadURL = DEFAULT_PLUGIN_DOWNLOAD_URL;

/** The package-level schema settings (a mirror sets `GHES_OAUTH_PLUGIN_DOWNLOAD_URL`). */
export function packageMetadata(env = process.env) {
  const { nodejs, go, python } = PACKAGE_METADATA.language;
  return {
    version: PACKAGE_METADATA.version,
    pluginDownloadURL: pluginDownloadURL(env),
    language: {
      nodejs: { respectSchemaVersion: nodejs.respectSchemaVersion, dependencies: nodejs.dependencies },
      go: { respectSchemaVersion: go.respectSchemaVersion },
      python: { respectSchemaVersion: python.respectSchemaVersion },
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
