export { CONTRACT_MODULE_PATH, generateContractModule } from "./contract-module.ts";
export { OpenApiContract, type OperationContract } from "./openapi-contract.ts";
export {
  availableApiVersions,
  type Json,
  loadDescription,
  type OpenApiDescription,
  openapiPackageVersion,
} from "./openapi-description.ts";
export { type ContractData, type PermissionEntry, readContractData } from "./read-catalogue.ts";
