import type { REPOSITORY_SELECTIONS } from "./generated/contract.js";

/** `repository_selection` of a scoped installation: `all` or `selected`. */
export type RepositorySelection = (typeof REPOSITORY_SELECTIONS)[number];
