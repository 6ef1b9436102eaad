import { readFileSync } from "node:fs";

// The provider package's own metadata: everything in schema.json that is not a resource, a type or a
// setting. One place for the name, version, plugin download URL and per-language settings.

// The plugin's version is its Node.js SDK's (@ghes-oauth/provider-sdk, the published package Changesets
// bumps): every SDK asks the engine for exactly that version (respectSchemaVersion).
const sdkManifest = JSON.parse(
  readFileSync(new URL("../sdk/nodejs/package.json", import.meta.url), "utf8"),
) as { version: string };

/** The project's GitHub releases, as the engine resolves a `github://` plugin download URL. */
export const DEFAULT_PLUGIN_DOWNLOAD_URL = "github://api.github.com/ghes-oauth/ghes-oauth";

/**
 * Where the engine downloads the plugin from. A mirror or a fork builds its own schema and SDKs with
 * `GHES_OAUTH_PLUGIN_DOWNLOAD_URL` set (e.g. `https://mirror.example.com/ghes-oauth/`).
 */
export function pluginDownloadURL(env: NodeJS.ProcessEnv = process.env): string {
  return env.GHES_OAUTH_PLUGIN_DOWNLOAD_URL || DEFAULT_PLUGIN_DOWNLOAD_URL;
}

export const PACKAGE_METADATA = {
  name: "ghes-oauth",
  displayName: "GHES OAuth tokens",
  version: sdkManifest.version,
  description:
    "Scoped GitHub user-to-server tokens on GitHub Enterprise Server (or github.com), managed as code: `pulumi up` mints them, `pulumi refresh` checks them, `pulumi destroy` revokes them.",
  keywords: [
    "pulumi",
    "github",
    "github-enterprise",
    "oauth",
    "github-app",
    "category/utility",
    "kind/native",
  ],
  license: "MIT",
  publisher: "ghes-oauth",
  meta: {
    moduleFormat: "(.*)",
  },
  language: {
    nodejs: {
      packageName: "@ghes-oauth/provider-sdk",
      packageDescription:
        "The ghes-oauth Pulumi provider's Node.js SDK: UserToken, ScopedToken and ScopedTokenSet from a native provider plugin.",
      respectSchemaVersion: true,
      dependencies: {
        "@pulumi/pulumi": "^3.259.0",
      },
      devDependencies: {
        "@types/node": "^24.19.2",
      },
      typescriptVersion: "5.9.3",
    },
    go: {
      importBasePath: "github.com/ghes-oauth/ghes-oauth/packages/provider/sdk/go/ghesoauth",
      respectSchemaVersion: true,
      generateResourceContainerTypes: true,
    },
    python: {
      packageName: "pulumi_ghes_oauth",
      respectSchemaVersion: true,
      requires: {
        pulumi: ">=3.142.0,<4.0.0",
      },
    },
    csharp: {
      rootNamespace: "GhesOAuth",
      packageReferences: {
        Pulumi: "3.*",
      },
    },
  },
};
