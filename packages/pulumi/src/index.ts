export type { Connection, ConnectionArgs } from "./connection-args.js";
export { ScopedToken } from "./scoped-token.js";
export type { ScopedTokenArgs } from "./scoped-token-args.js";
export type { MintedTokenFacts, ScopedTokenInputs, ScopedTokenState } from "./scoped-token-state.js";
