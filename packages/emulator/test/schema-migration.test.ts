import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, expect, it } from "vitest";
import { MIGRATE_2_TO_3, SCHEMA } from "../src/store/schema.js";
import { SqliteStore } from "../src/store/sqlite-store.js";

const dir = await mkdtemp(join(tmpdir(), "ghes-emulator-migration-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

it("a version-3 data file (apps without callback URLs) opens, migrated to version 4", () => {
  const file = join(dir, "v3.db");
  const v3 = new DatabaseSync(file);
  v3.exec(SCHEMA);
  v3.exec("INSERT INTO meta (key, value) VALUES ('schema_version', '2')");
  v3.exec(MIGRATE_2_TO_3);
  v3.exec(
    `INSERT INTO apps (name, slug, client_id, secret_hash, permissions, created_at)
     VALUES ('Old', 'old', 'Iv1.0000000000000001', 'x', '{}', 0)`,
  );
  v3.close();

  const store = new SqliteStore(file);
  try {
    expect(store.findAppByClientId("Iv1.0000000000000001")?.callbackUrls).toEqual([]);
    const created = store.createApp({
      name: "New",
      slug: "new",
      clientId: "Iv1.0000000000000002",
      secretHash: "y",
      permissions: {},
      expiringUserTokens: true,
      deviceFlow: true,
      kind: "github-app",
      callbackUrls: ["http://127.0.0.1/callback"],
      createdAt: 0,
    });
    expect(store.findAppById(created.id)?.callbackUrls).toEqual(["http://127.0.0.1/callback"]);
  } finally {
    store.close();
  }
  const reopened = new DatabaseSync(file);
  expect(reopened.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({
    value: "4",
  });
  reopened.close();
});
