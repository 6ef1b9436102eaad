import type {
  Account,
  AccountType,
  App,
  Installation,
  NewRefreshTokenRecord,
  NewTokenRecord,
  RefreshTokenRecord,
  Repository,
  TokenRecord,
} from "../model.js";

export interface NewAccount {
  login: string;
  type: AccountType;
  repositories: string[];
  createdAt: number;
}

export type NewApp = Omit<App, "id">;

export type NewInstallation = Omit<Installation, "id">;

/** A user access token and the refresh token issued with it. */
export interface IssuedPair {
  record: TokenRecord;
  refresh: RefreshTokenRecord;
}

/** What a reset changes of a token. */
export type TokenRotation = Pick<TokenRecord, "hashedToken" | "lastEight" | "updatedAt" | "expiresAt">;

/**
 * All emulator state. Synchronous on purpose: every write is durable when the call returns, so a
 * handler that responds after writing never acknowledges something a crash could lose.
 */
export interface Store {
  createAccount(input: NewAccount): Account;
  findAccountByLogin(login: string): Account | undefined;
  findAccountById(id: number): Account | undefined;
  /** Every account of type User, by login: whom the sign-in page offers. */
  listUsers(): Account[];
  listRepositories(accountId: number): Repository[];

  createApp(input: NewApp): App;
  findAppByClientId(clientId: string): App | undefined;
  findAppById(id: number): App | undefined;
  /** Replaces the app's client secret: the old one stops authenticating. */
  replaceAppSecret(appId: number, secretHash: string): void;

  createInstallation(input: NewInstallation): Installation;
  findInstallation(appId: number, accountId: number): Installation | undefined;

  insertToken(input: NewTokenRecord): TokenRecord;
  findTokenByHash(hashedToken: string): TokenRecord | undefined;
  rotateToken(id: number, rotation: TokenRotation): void;
  /** Deletes a token and the refresh token issued with it. */
  deleteToken(id: number): void;
  /** Deletes every token (scoped and refresh ones included) of `userId` for `appId`; returns how many access tokens. */
  deleteUserTokens(appId: number, userId: number): number;
  listTokens(appId: number): TokenRecord[];
  /** Deletes the scoped tokens of `appId` minted from the access token `parentTokenId`; returns how many. */
  deleteScopedChildren(appId: number, parentTokenId: number): number;

  /** Writes an access token and its refresh token at once. */
  insertTokenPair(access: NewTokenRecord, refresh: NewRefreshTokenRecord): IssuedPair;
  /** Atomically deletes `used` and its access token and writes the new pair: a rotation never half-happens. */
  redeemRefreshToken(
    used: RefreshTokenRecord,
    access: NewTokenRecord,
    refresh: NewRefreshTokenRecord,
  ): IssuedPair;
  findRefreshTokenByHash(hashedToken: string): RefreshTokenRecord | undefined;
  listRefreshTokens(appId: number): RefreshTokenRecord[];

  clockOffsetMs(): number;
  setClockOffsetMs(offsetMs: number): void;

  close(): void;
}
