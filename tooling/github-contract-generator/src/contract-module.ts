import { fileURLToPath } from "node:url";
import { availableApiVersions, openapiPackageVersion } from "./openapi-description.ts";
import { readContractData } from "./read-catalogue.ts";
import { renderContract } from "./render-contract.ts";

/** Where the generated module is committed. */
export const CONTRACT_MODULE_PATH = fileURLToPath(
  new URL("../../../packages/github-contract/src/generated/contract.ts", import.meta.url),
);

/** The generated module's text for the installed @octokit/openapi (nothing is written). */
export function generateContractModule(): string {
  return renderContract(readContractData(availableApiVersions()), openapiPackageVersion());
}
