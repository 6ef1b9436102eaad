export { ghesOAuthProvider } from "./ghes-oauth-provider.js";
export { providerVersion, resourceTypes, schemaText, secretOutputsOf } from "./schema.js";
