/**
 * The hidden input that tells the provider's check which inputs the program made secret (see
 * secret-input-names.ts). A module of its own so the runtime needs no @pulumi/pulumi to know it.
 */
export const SECRET_INPUTS_KEY = "__secretInputs";
