import type { RepositorySelection } from "@ghes-oauth/github-contract";
import type { PermissionSet } from "./permissions.js";

export type AccountType = "User" | "Organization";

export type AppKind = "github-app" | "oauth-app";

/** Times are epoch milliseconds on the emulator's clock. */
export interface Account {
  id: number;
  login: string;
  type: AccountType;
  createdAt: number;
}

export interface Repository {
  id: number;
  accountId: number;
  name: string;
}

export interface App {
  id: number;
  name: string;
  slug: string;
  clientId: string;
  /** sha256 hex of the client secret: the secret itself is never stored. */
  secretHash: string;
  permissions: PermissionSet;
  /** User tokens expire after 8 hours and come with refresh tokens (GitHub's default), or never expire. */
  expiringUserTokens: boolean;
  /** Whether the device flow is enabled for the app. */
  deviceFlow: boolean;
  /** The registered callback URLs of the web flow; the first is where `redirect_uri` defaults to. */
  callbackUrls: string[];
  /** A GitHub App (the default) or an OAuth app: `gho_` tokens that never expire, OAuth scopes, no scoping. */
  kind: AppKind;
  createdAt: number;
}

export interface Installation {
  id: number;
  appId: number;
  accountId: number;
  permissions: PermissionSet;
  repositorySelection: RepositorySelection;
  /** The selected repositories; empty when the selection is "all". */
  repositoryIds: number[];
  createdAt: number;
}

/** What a scoped token is narrowed to. */
export interface TokenScope {
  targetAccountId: number;
  installationId: number;
  permissions: PermissionSet;
  repositorySelection: RepositorySelection;
  repositoryIds: number[];
  /** The user token it was minted from (absent in data files written before this was recorded). */
  parentTokenId?: number;
}

export interface TokenRecord {
  id: number;
  appId: number;
  userId: number;
  /** sha256 hex of the token: the token itself is never stored. */
  hashedToken: string;
  lastEight: string;
  note: string | null;
  noteUrl: string | null;
  fingerprint: string | null;
  createdAt: number;
  updatedAt: number;
  /** Null for tokens of apps whose user tokens never expire. */
  expiresAt: number | null;
  scope: TokenScope | null;
  /** An OAuth app's token: the OAuth scopes it was granted (sorted). */
  oauthScopes?: string[];
}

export type NewTokenRecord = Omit<TokenRecord, "id">;

/** A refresh token (`ghr_`): one per user access token of an app with expiring user tokens. */
export interface RefreshTokenRecord {
  id: number;
  appId: number;
  userId: number;
  /** The user access token issued with it; both stop working when it is redeemed. */
  accessTokenId: number;
  /** sha256 hex of the refresh token: the token itself is never stored. */
  hashedToken: string;
  lastEight: string;
  /** False for tokens from the device flow: GitHub refreshes those without the client secret. */
  clientSecretRequired: boolean;
  createdAt: number;
  expiresAt: number;
}

export type NewRefreshTokenRecord = Omit<RefreshTokenRecord, "id" | "accessTokenId">;
