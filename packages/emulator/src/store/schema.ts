export const SCHEMA_VERSION = 1;

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
  expires_at INTEGER NOT NULL,
  scope TEXT
);
CREATE INDEX IF NOT EXISTS tokens_by_app_user ON tokens (app_id, user_id);
`;
