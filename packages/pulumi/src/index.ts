export type { Connection, ConnectionArgs } from "./dynamic/connection-args.js";
export { ScopedToken } from "./dynamic/scoped-token.js";
export type { ScopedTokenArgs } from "./dynamic/scoped-token-args.js";
export { ScopedTokenSet } from "./dynamic/scoped-token-set.js";
export type { ScopedTokenSetArgs, ScopedTokenSpec } from "./dynamic/scoped-token-set-args.js";
export type {
  ScopedTokenSetInputs,
  ScopedTokenSetState,
  ScopedTokenSpecInputs,
  TokenDetails,
} from "./dynamic/scoped-token-set-state.js";
export type { MintedTokenFacts, ScopedTokenInputs, ScopedTokenState } from "./dynamic/scoped-token-state.js";
export { UserToken } from "./dynamic/user-token.js";
export type { RevokeOnDelete, UserTokenArgs } from "./dynamic/user-token-args.js";
export type { UserTokenFacts, UserTokenInputs, UserTokenState } from "./dynamic/user-token-state.js";
