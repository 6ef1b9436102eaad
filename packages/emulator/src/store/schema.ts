export const SCHEMA_VERSION = 4;
/** The version the tables of SCHEMA have: a new file starts there and is migrated up like an old one. */
export const BASE_SCHEMA_VERSION = 2;

const TOKENS_TABLE = `
CREATE TABLE IF NOT EXISTS tokens (
  id INTEGER PRIMARY KEY,
  app_id INTEGER NOT NULL REFERENCES apps(id),
  user_id INTEGER NOT NULL REFERENCES accounts(id),
  hashed_token TEXT NOT NULL UNIQUE,
  last_eight TEXT NOT NULL,
  note TEXT,
  note_url TEXT,
  fingerprint TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  expires_at INTEGER,
  scope TEXT
);
CREATE INDEX IF NOT EXISTS tokens_by_app_user ON tokens (app_id, user_id);
`;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  type TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS repositories (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL COLLATE NOCASE,
  UNIQUE (account_id, name)
);
CREATE TABLE IF NOT EXISTS apps (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL,
  client_id TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  permissions TEXT NOT NULL,
  expiring_user_tokens INTEGER NOT NULL DEFAULT 1,
  device_flow INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS installations (
  id INTEGER PRIMARY KEY,
  app_id INTEGER NOT NULL REFERENCES apps(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  permissions TEXT NOT NULL,
  repository_selection TEXT NOT NULL,
  repository_ids TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (app_id, account_id)
);
${TOKENS_TABLE}CREATE TABLE IF NOT EXISTS refresh_tokens (
  id INTEGER PRIMARY KEY,
  app_id INTEGER NOT NULL REFERENCES apps(id),
  user_id INTEGER NOT NULL REFERENCES accounts(id),
  access_token_id INTEGER NOT NULL,
  hashed_token TEXT NOT NULL UNIQUE,
  last_eight TEXT NOT NULL,
  client_secret_required INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS refresh_tokens_by_app_user ON refresh_tokens (app_id, user_id);
`;

/**
 * Brings a version-1 data file to version 2: apps gain their token-expiry and device-flow settings
 * (GitHub's defaults), and a token's `expires_at` may be null (a non-expiring app's token).
 */
export const MIGRATE_1_TO_2 = `
ALTER TABLE apps ADD COLUMN expiring_user_tokens INTEGER NOT NULL DEFAULT 1;
ALTER TABLE apps ADD COLUMN device_flow INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tokens RENAME TO tokens_v1;
DROP INDEX IF EXISTS tokens_by_app_user;
${TOKENS_TABLE}
INSERT INTO tokens SELECT * FROM tokens_v1;
DROP TABLE tokens_v1;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
`;

/** Version 3: apps have a kind (GitHub App or OAuth app) and OAuth apps' tokens their OAuth scopes. */
export const MIGRATE_2_TO_3 = `
ALTER TABLE apps ADD COLUMN kind TEXT NOT NULL DEFAULT 'github-app';
ALTER TABLE tokens ADD COLUMN oauth_scopes TEXT;
UPDATE meta SET value = '3' WHERE key = 'schema_version';
`;

/** Brings a version-3 data file to version 4: apps gain their (empty) list of web-flow callback URLs. */
export const MIGRATE_3_TO_4 = `
ALTER TABLE apps ADD COLUMN callback_urls TEXT NOT NULL DEFAULT '[]';
UPDATE meta SET value = '4' WHERE key = 'schema_version';
`;
