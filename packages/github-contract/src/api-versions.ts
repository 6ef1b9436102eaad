import { API_VERSIONS } from "./generated/contract.js";

/** An API description the contract was generated from: `ghes-3.19`, `api.github.com`... */
export type ApiVersion = (typeof API_VERSIONS)[number];

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/** The newest GHES release described. */
export const DEFAULT_API_VERSION: ApiVersion = API_VERSIONS.filter((version) =>
  version.startsWith("ghes-"),
).at(-1) as ApiVersion;
