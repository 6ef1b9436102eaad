export type { Connection, ConnectionArgs } from "./connection-args.js";
export { ScopedToken } from "./scoped-token.js";
export type { ScopedTokenArgs } from "./scoped-token-args.js";
export { ScopedTokenSet } from "./scoped-token-set.js";
export type { ScopedTokenSetArgs, ScopedTokenSpec } from "./scoped-token-set-args.js";
export type {
  ScopedTokenSetInputs,
  ScopedTokenSetState,
  ScopedTokenSpecInputs,
  TokenDetails,
} from "./scoped-token-set-state.js";
export type { MintedTokenFacts, ScopedTokenInputs, ScopedTokenState } from "./scoped-token-state.js";
export { UserToken } from "./user-token.js";
export type { RevokeOnDelete, UserTokenArgs } from "./user-token-args.js";
export type { UserTokenFacts, UserTokenInputs, UserTokenState } from "./user-token-state.js";
