import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { DatabaseSync } from "node:sqlite";

/** Who holds a data file, as its holder recorded it beside the file. Informative only: the lock is SQLite's. */
export interface DataFileHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** The file beside the database where its holder names itself (the SQLite lock itself names nobody). */
export function holderFileOf(dataFile: string): string {
  return `${dataFile}-holder`;
}

/** Thrown when another emulator (in this or another process) already has the data file open. */
export class DataFileInUseError extends Error {
  override readonly name = "DataFileInUseError";
  readonly code = "EMULATOR_DATA_FILE_IN_USE";

  constructor(
    readonly dataFile: string,
    readonly holder: DataFileHolder | undefined,
  ) {
    super(
      `data file ${dataFile} is in use by ${describeHolder(holder)}; stop it, or choose another data file`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describeHolder(holder: DataFileHolder | undefined): string {
  if (!holder) return "another process (it has not named itself yet)";
  const since = `since ${holder.startedAt}`;
  if (holder.hostname !== hostname()) return `process ${holder.pid} on ${holder.hostname} (${since})`;
  if (holder.pid === process.pid) return `another emulator in this process (pid ${holder.pid}, ${since})`;
  if (!isRunning(holder.pid)) {
    return `another process (the last recorded holder, pid ${holder.pid}, is no longer running)`;
  }
  return `another emulator, pid ${holder.pid} (${since})`;
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
