// pulumi-resource-ghes-oauth: the process the engine starts for the ghes-oauth package.
import { main } from "@pulumi/pulumi/provider/index.js";
import { ghesOAuthProvider } from "./ghes-oauth-provider.js";
import { checkProviderConfig, configureProvider } from "./provider-config.js";
import { handleProviderConfig } from "./provider-config-hook.js";

handleProviderConfig({ checkConfig: checkProviderConfig, configure: configureProvider });
await main(ghesOAuthProvider, process.argv.slice(2));
