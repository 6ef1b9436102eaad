// pulumi-resource-ghes-oauth: the process the engine starts for the ghes-oauth package.
import { main } from "@pulumi/pulumi/provider/index.js";
import { ghesOAuthProvider } from "./ghes-oauth-provider.js";
import { checkProviderConfig, configureProvider } from "./provider-config.js";
import { handleProviderConfig } from "./provider-config-hook.js";

handleProviderConfig({ checkConfig: checkProviderConfig, configure: configureProvider });
// No top-level await: the standalone plugin is this file bundled as CommonJS (scripts/bundle-plugin.mjs).
main(ghesOAuthProvider, process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
