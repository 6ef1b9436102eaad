import type { RepositorySelection } from "@ghes-oauth/github-contract";
import type { PermissionSet } from "./permissions.js";

export type { RepositorySelection };
export type AccountType = "User" | "Organization";

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
  expiresAt: number;
  scope: TokenScope | null;
}

export type NewTokenRecord = Omit<TokenRecord, "id">;
