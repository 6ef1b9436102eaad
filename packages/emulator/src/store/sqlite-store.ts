import { DatabaseSync, type StatementSync } from "node:sqlite";
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
import { forgetHolder, lockDataFile } from "./data-file-lock.js";
import { BASE_SCHEMA_VERSION, MIGRATE_1_TO_2, MIGRATE_2_TO_3, MIGRATE_3_TO_4, SCHEMA } from "./schema.js";
import type { IssuedPair, NewAccount, NewApp, NewInstallation, Store, TokenRotation } from "./store.js";

type Row = Record<string, unknown>;

function toAccount(row: Row): Account {
  return {
    id: Number(row.id),
    login: String(row.login),
    type: row.type as AccountType,
    createdAt: Number(row.created_at),
  };
}

function toApp(row: Row): App {
  return {
    id: Number(row.id),
    name: String(row.name),
    slug: String(row.slug),
    clientId: String(row.client_id),
    secretHash: String(row.secret_hash),
    permissions: JSON.parse(String(row.permissions)),
    expiringUserTokens: Number(row.expiring_user_tokens) === 1,
    deviceFlow: Number(row.device_flow) === 1,
    callbackUrls: JSON.parse(String(row.callback_urls ?? "[]")),
    kind: row.kind === "oauth-app" ? "oauth-app" : "github-app",
    createdAt: Number(row.created_at),
  };
}

function toInstallation(row: Row): Installation {
  return {
    id: Number(row.id),
    appId: Number(row.app_id),
    accountId: Number(row.account_id),
    permissions: JSON.parse(String(row.permissions)),
    repositorySelection: row.repository_selection === "all" ? "all" : "selected",
    repositoryIds: JSON.parse(String(row.repository_ids)),
    createdAt: Number(row.created_at),
  };
}

function toToken(row: Row): TokenRecord {
  return {
    id: Number(row.id),
    appId: Number(row.app_id),
    userId: Number(row.user_id),
    hashedToken: String(row.hashed_token),
    lastEight: String(row.last_eight),
    note: row.note === null ? null : String(row.note),
    noteUrl: row.note_url === null ? null : String(row.note_url),
    fingerprint: row.fingerprint === null ? null : String(row.fingerprint),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    scope: row.scope === null ? null : JSON.parse(String(row.scope)),
    ...(row.oauth_scopes == null ? {} : { oauthScopes: JSON.parse(String(row.oauth_scopes)) }),
  };
}

function toRefreshToken(row: Row): RefreshTokenRecord {
  return {
    id: Number(row.id),
    appId: Number(row.app_id),
    userId: Number(row.user_id),
    accessTokenId: Number(row.access_token_id),
    hashedToken: String(row.hashed_token),
    lastEight: String(row.last_eight),
    clientSecretRequired: Number(row.client_secret_required) === 1,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}

/**
 * The store on SQLite (node:sqlite). A file gives durable state (WAL, synchronous=FULL: a committed
 * write survives kill -9 and power loss) owned by this store alone (an exclusive lock, see
 * lockDataFile); `:memory:` gives the default, throwaway state.
 */
export class SqliteStore implements Store {
  readonly #db: DatabaseSync;
  readonly #dataFile: string | undefined;
  readonly #statements = new Map<string, StatementSync>();
  // Apps and accounts are never changed once created, so they are cached after their first read.
  readonly #appsByClientId = new Map<string, App>();
  readonly #accountsById = new Map<number, Account>();
  /**
   * Every token, by hash: a write-through cache (this store is the database's only user), so
   * checking a token costs no query. Filled at open.
   */
  readonly #tokensByHash = new Map<string, TokenRecord>();

  constructor(location: string) {
    this.#db = new DatabaseSync(location);
    if (location !== ":memory:") {
      try {
        lockDataFile(this.#db, location);
      } catch (error) {
        this.#db.close();
        throw error;
      }
      this.#dataFile = location;
      this.#db.exec("PRAGMA synchronous = FULL;");
    }
    this.#db.exec("PRAGMA foreign_keys = ON;");
    this.#db.exec(SCHEMA);
    this.#run(
      "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
      String(BASE_SCHEMA_VERSION),
    );
    const version = () => Number(this.#get("SELECT value FROM meta WHERE key = 'schema_version'")?.value);
    if (version() === 1) this.#transaction(() => this.#db.exec(MIGRATE_1_TO_2));
    if (version() === 2) this.#transaction(() => this.#db.exec(MIGRATE_2_TO_3));
    if (version() === 3) this.#transaction(() => this.#db.exec(MIGRATE_3_TO_4));
    for (const row of this.#all("SELECT * FROM tokens")) {
      const token = toToken(row);
      this.#tokensByHash.set(token.hashedToken, token);
    }
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #run(sql: string, ...params: (string | number | null)[]): number {
    return Number(this.#statement(sql).run(...params).lastInsertRowid);
  }

  #get(sql: string, ...params: (string | number | null)[]): Row | undefined {
    return this.#statement(sql).get(...params) as Row | undefined;
  }

  #all(sql: string, ...params: (string | number | null)[]): Row[] {
    return this.#statement(sql).all(...params) as Row[];
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }

  createAccount(input: NewAccount): Account {
    return this.#transaction(() => {
      const id = this.#run(
        "INSERT INTO accounts (login, type, created_at) VALUES (?, ?, ?)",
        input.login,
        input.type,
        input.createdAt,
      );
      for (const name of input.repositories) {
        this.#run("INSERT INTO repositories (account_id, name) VALUES (?, ?)", id, name);
      }
      return { id, login: input.login, type: input.type, createdAt: input.createdAt };
    });
  }

  findAccountByLogin(login: string): Account | undefined {
    const row = this.#get("SELECT * FROM accounts WHERE login = ?", login);
    return row && toAccount(row);
  }

  findAccountById(id: number): Account | undefined {
    const cached = this.#accountsById.get(id);
    if (cached) return cached;
    const row = this.#get("SELECT * FROM accounts WHERE id = ?", id);
    const account = row && toAccount(row);
    if (account) this.#accountsById.set(id, account);
    return account;
  }

  listUsers(): Account[] {
    return this.#all("SELECT * FROM accounts WHERE type = 'User' ORDER BY login").map(toAccount);
  }

  listRepositories(accountId: number): Repository[] {
    return this.#all("SELECT * FROM repositories WHERE account_id = ? ORDER BY id", accountId).map((row) => ({
      id: Number(row.id),
      accountId: Number(row.account_id),
      name: String(row.name),
    }));
  }

  createApp(input: NewApp): App {
    const id = this.#run(
      `INSERT INTO apps (name, slug, client_id, secret_hash, permissions, expiring_user_tokens, device_flow, kind, callback_urls, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      input.name,
      input.slug,
      input.clientId,
      input.secretHash,
      JSON.stringify(input.permissions),
      input.expiringUserTokens ? 1 : 0,
      input.deviceFlow ? 1 : 0,
      input.kind,
      JSON.stringify(input.callbackUrls),
      input.createdAt,
    );
    return { id, ...input };
  }

  findAppByClientId(clientId: string): App | undefined {
    const cached = this.#appsByClientId.get(clientId);
    if (cached) return cached;
    const row = this.#get("SELECT * FROM apps WHERE client_id = ?", clientId);
    const app = row && toApp(row);
    if (app) this.#appsByClientId.set(clientId, app);
    return app;
  }

  findAppById(id: number): App | undefined {
    for (const app of this.#appsByClientId.values()) if (app.id === id) return app;
    const row = this.#get("SELECT client_id FROM apps WHERE id = ?", id);
    return row && this.findAppByClientId(String(row.client_id));
  }

  replaceAppSecret(appId: number, secretHash: string): void {
    this.#run("UPDATE apps SET secret_hash = ? WHERE id = ?", secretHash, appId);
    for (const app of this.#appsByClientId.values()) {
      if (app.id === appId) app.secretHash = secretHash;
    }
  }

  createInstallation(input: NewInstallation): Installation {
    const id = this.#run(
      `INSERT INTO installations (app_id, account_id, permissions, repository_selection, repository_ids, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      input.appId,
      input.accountId,
      JSON.stringify(input.permissions),
      input.repositorySelection,
      JSON.stringify(input.repositoryIds),
      input.createdAt,
    );
    return { id, ...input };
  }

  findInstallation(appId: number, accountId: number): Installation | undefined {
    const row = this.#get(
      "SELECT * FROM installations WHERE app_id = ? AND account_id = ?",
      appId,
      accountId,
    );
    return row && toInstallation(row);
  }

  /** Writes a token row; the cache is the caller's to update (after any transaction commits). */
  #insertTokenRow(input: NewTokenRecord): TokenRecord {
    const id = this.#run(
      `INSERT INTO tokens (app_id, user_id, hashed_token, last_eight, note, note_url, fingerprint,
         created_at, updated_at, expires_at, scope, oauth_scopes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      input.appId,
      input.userId,
      input.hashedToken,
      input.lastEight,
      input.note,
      input.noteUrl,
      input.fingerprint,
      input.createdAt,
      input.updatedAt,
      input.expiresAt,
      input.scope === null ? null : JSON.stringify(input.scope),
      input.oauthScopes === undefined ? null : JSON.stringify(input.oauthScopes),
    );
    return { id, ...input };
  }

  #insertPairRows(access: NewTokenRecord, refresh: NewRefreshTokenRecord): IssuedPair {
    const record = this.#insertTokenRow(access);
    const id = this.#run(
      `INSERT INTO refresh_tokens (app_id, user_id, access_token_id, hashed_token, last_eight,
         client_secret_required, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      refresh.appId,
      refresh.userId,
      record.id,
      refresh.hashedToken,
      refresh.lastEight,
      refresh.clientSecretRequired ? 1 : 0,
      refresh.createdAt,
      refresh.expiresAt,
    );
    return { record, refresh: { id, accessTokenId: record.id, ...refresh } };
  }

  insertToken(input: NewTokenRecord): TokenRecord {
    const token = this.#insertTokenRow(input);
    this.#tokensByHash.set(token.hashedToken, token);
    return token;
  }

  insertTokenPair(access: NewTokenRecord, refresh: NewRefreshTokenRecord): IssuedPair {
    const pair = this.#transaction(() => this.#insertPairRows(access, refresh));
    this.#tokensByHash.set(pair.record.hashedToken, pair.record);
    return pair;
  }

  redeemRefreshToken(
    used: RefreshTokenRecord,
    access: NewTokenRecord,
    refresh: NewRefreshTokenRecord,
  ): IssuedPair {
    const pair = this.#transaction(() => {
      this.#run("DELETE FROM refresh_tokens WHERE id = ?", used.id);
      this.#run("DELETE FROM tokens WHERE id = ?", used.accessTokenId);
      return this.#insertPairRows(access, refresh);
    });
    this.#forgetTokens((token) => token.id === used.accessTokenId);
    this.#tokensByHash.set(pair.record.hashedToken, pair.record);
    return pair;
  }

  findRefreshTokenByHash(hashedToken: string): RefreshTokenRecord | undefined {
    const row = this.#get("SELECT * FROM refresh_tokens WHERE hashed_token = ?", hashedToken);
    return row && toRefreshToken(row);
  }

  listRefreshTokens(appId: number): RefreshTokenRecord[] {
    return this.#all("SELECT * FROM refresh_tokens WHERE app_id = ? ORDER BY id", appId).map(toRefreshToken);
  }

  findTokenByHash(hashedToken: string): TokenRecord | undefined {
    return this.#tokensByHash.get(hashedToken);
  }

  #forgetTokens(matches: (token: TokenRecord) => boolean): void {
    for (const [hash, token] of this.#tokensByHash) if (matches(token)) this.#tokensByHash.delete(hash);
  }

  rotateToken(id: number, rotation: TokenRotation): void {
    this.#run(
      "UPDATE tokens SET hashed_token = ?, last_eight = ?, updated_at = ?, expires_at = ? WHERE id = ?",
      rotation.hashedToken,
      rotation.lastEight,
      rotation.updatedAt,
      rotation.expiresAt,
      id,
    );
    const row = this.#get("SELECT * FROM tokens WHERE id = ?", id);
    this.#forgetTokens((token) => token.id === id);
    if (row) this.#tokensByHash.set(rotation.hashedToken, toToken(row));
  }

  deleteToken(id: number): void {
    this.#transaction(() => {
      this.#run("DELETE FROM refresh_tokens WHERE access_token_id = ?", id);
      this.#run("DELETE FROM tokens WHERE id = ?", id);
    });
    this.#forgetTokens((token) => token.id === id);
  }

  deleteUserTokens(appId: number, userId: number): number {
    const changes = this.#transaction(() => {
      this.#run("DELETE FROM refresh_tokens WHERE app_id = ? AND user_id = ?", appId, userId);
      return this.#statement("DELETE FROM tokens WHERE app_id = ? AND user_id = ?").run(appId, userId)
        .changes;
    });
    this.#forgetTokens((token) => token.appId === appId && token.userId === userId);
    return Number(changes);
  }

  deleteScopedChildren(appId: number, parentTokenId: number): number {
    const children = [...this.#tokensByHash.values()].filter(
      (token) => token.appId === appId && token.scope?.parentTokenId === parentTokenId,
    );
    for (const child of children) this.deleteToken(child.id);
    return children.length;
  }

  listTokens(appId: number): TokenRecord[] {
    return this.#all("SELECT * FROM tokens WHERE app_id = ? ORDER BY id", appId).map(toToken);
  }

  clockOffsetMs(): number {
    const row = this.#get("SELECT value FROM meta WHERE key = 'clock_offset_ms'");
    return row ? Number(row.value) : 0;
  }

  setClockOffsetMs(offsetMs: number): void {
    this.#run(
      "INSERT INTO meta (key, value) VALUES ('clock_offset_ms', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      String(offsetMs),
    );
  }

  close(): void {
    if (!this.#db.isOpen) return;
    if (this.#dataFile !== undefined) forgetHolder(this.#dataFile);
    this.#db.close();
  }
}
