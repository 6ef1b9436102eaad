// One contract per resource: the properties, their types and docs, which are inputs or outputs, which are
// secret and which force a replacement. The dynamic resources, their runtime (check, diff, state) and the
// native provider's schema.json all derive from these.

export {
  inputNames,
  outputNames,
  replacingInputs,
  requiredInputs,
  secretInputs,
  secretOutputs,
  stateProperties,
} from "./derive.js";
export type { ArgsMatch } from "./matches.js";
export { connectionType, scopedTokenSpecType, tokenDetailsType } from "./object-types.js";
export {
  ECHOED,
  type InputSpec,
  type ObjectTypeContract,
  type PropertySpec,
  type ProviderContract,
  type ResourceContract,
  type SchemaType,
} from "./property.js";
export { providerContract } from "./provider-config.js";
export { scopedTokenContract } from "./scoped-token.js";
export { scopedTokenSetContract } from "./scoped-token-set.js";
export { userTokenContract } from "./user-token.js";
export { contractShape } from "./zod-rules.js";

import { connectionType, scopedTokenSpecType, tokenDetailsType } from "./object-types.js";
import { scopedTokenContract } from "./scoped-token.js";
import { scopedTokenSetContract } from "./scoped-token-set.js";
import { userTokenContract } from "./user-token.js";

/** Every resource, in the schema's order. */
export const RESOURCE_CONTRACTS = [scopedTokenContract, scopedTokenSetContract, userTokenContract] as const;
/** Every shared object type, in the schema's order. */
export const OBJECT_TYPE_CONTRACTS = [connectionType, scopedTokenSpecType, tokenDetailsType] as const;
