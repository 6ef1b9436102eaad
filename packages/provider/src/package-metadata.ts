import { readFileSync } from "node:fs";

// The provider package's own metadata: everything in schema.json that is not a resource, a type or a
// setting. One place for the name, version, plugin download URL and per-language settings.

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

export const PACKAGE_METADATA = {
  name: "ghes-oauth",
  displayName: "GHES OAuth tokens",
  /** The plugin's version: this package's. */
  version: manifest.version,
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
      dependencies: {
        "@pulumi/pulumi": "3.259.0",
      },
      devDependencies: {
        "@types/node": "^24.19.2",
      },
      typescriptVersion: "5.9.3",
    },
    go: {
      importBasePath: "github.com/ghes-oauth/ghes-oauth/packages/provider/sdk/go/ghesoauth",
      generateResourceContainerTypes: true,
    },
    python: {
      packageName: "pulumi_ghes_oauth",
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
