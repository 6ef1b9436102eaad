import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { type DataFileHolder, DataFileInUseError } from "../errors.js";

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** The file beside the database where its holder names itself (the SQLite lock itself names nobody). */
function holderFileOf(dataFile: string): string {
  return `${dataFile}-holder`;
}

function readHolder(dataFile: string): DataFileHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(holderFileOf(dataFile), "utf8")) as Partial<DataFileHolder>;
    if (typeof parsed.pid !== "number" || typeof parsed.hostname !== "string") return undefined;
    return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt) };
  } catch {
    return undefined;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown }).errcode;
  return code === SQLITE_BUSY || code === SQLITE_LOCKED;
}

/**
 * Makes this connection the only one that can use the data file, for as long as it stays open.
 *
 * SQLite's EXCLUSIVE locking mode, set before the first WAL access, keeps the WAL index in process memory
 * and holds the database file's exclusive lock from the first write until the connection closes;
 * `BEGIN EXCLUSIVE` takes that lock at once. It is an OS file lock (fcntl), so the kernel drops it when
 * the process dies, `kill -9` included: a stale holder can never block a restart. SQLite also tracks
 * its locks per file inside one process, so a second emulator in the same process is refused as well.
 * The holder file beside the database only says who holds the lock; it is never trusted as the lock.
 */
export function lockDataFile(db: DatabaseSync, dataFile: string): void {
  db.exec("PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE;");
  try {
    db.exec("PRAGMA journal_mode = WAL;");
    db.exec("BEGIN EXCLUSIVE; COMMIT;");
  } catch (error) {
    if (isBusy(error)) throw new DataFileInUseError(resolve(dataFile), readHolder(dataFile));
    throw error;
  }
  const holder: DataFileHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  };
  writeFileSync(holderFileOf(dataFile), `${JSON.stringify(holder)}\n`);
}

/** Removes the holder file, while the lock is still held (call it just before closing the connection). */
export function forgetHolder(dataFile: string): void {
  rmSync(holderFileOf(dataFile), { force: true });
}
