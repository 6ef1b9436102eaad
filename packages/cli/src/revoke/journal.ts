import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { type FileHandle, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { normalizeBaseUrl } from "@ghes-oauth/client";
import type { Connection } from "../connection/connection.js";
import { UsageError } from "../usage-error.js";

export type JournalResult = "revoked" | "already_gone" | "failed";

/** The journal could not be written (disk full, file removed); the run stops, a rerun resumes. */
export class JournalWriteError extends Error {
  override name = "JournalWriteError";
}

/** One journal line. Token hashes only: the journal never holds a token value. */
export interface JournalEntry {
  readonly hashed_token: string;
  readonly result: JournalResult;
  readonly at: string;
  readonly error?: string;
}

/**
 * The first line. Version 2 records whose credentials the outcomes were heard with: the base URL, the
 * client ID and a keyed fingerprint of the secret (HMAC-SHA256 under a random per-journal salt, so the
 * journal never holds the secret nor a hash that could be checked against guesses made elsewhere).
 */
interface JournalHeader {
  readonly ghes_oauth_revoke_journal: 1 | 2;
  readonly base_url?: string;
  readonly client_id?: string;
  readonly secret_salt?: string;
  readonly secret_hmac_sha256?: string;
}

function secretHmac(salt: string, secret: string): string {
  return createHmac("sha256", Buffer.from(salt, "hex")).update(secret).digest("hex");
}

function comparableBaseUrl(baseUrl: string): string {
  try {
    const location = normalizeBaseUrl(baseUrl);
    return location.origin + location.basePath;
  } catch {
    return baseUrl;
  }
}

function headerFor(connection: Connection): JournalHeader {
  const salt = randomBytes(16).toString("hex");
  return {
    ghes_oauth_revoke_journal: 2,
    base_url: comparableBaseUrl(connection.baseUrl),
    client_id: connection.clientId,
    secret_salt: salt,
    secret_hmac_sha256: secretHmac(salt, connection.clientSecret),
  };
}

/** Why a journal written with other credentials cannot be resumed with these; undefined when they match. */
function credentialMismatch(header: JournalHeader, connection: Connection): string | undefined {
  if (header.ghes_oauth_revoke_journal !== 2) return undefined;
  const baseUrl = comparableBaseUrl(connection.baseUrl);
  if (header.base_url !== baseUrl)
    return `it was written for base URL ${header.base_url}, this run uses ${baseUrl}`;
  if (header.client_id !== connection.clientId)
    return `it was written for client ID ${header.client_id}, this run uses ${connection.clientId}`;
  const expected = Buffer.from(header.secret_hmac_sha256 ?? "", "hex");
  const actual = Buffer.from(secretHmac(header.secret_salt ?? "", connection.clientSecret), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    return "it was written with another client secret (its fingerprint differs: rotated, or mistyped in one of the runs)";
  return undefined;
}

/**
 * The revoke journal: an append-only NDJSON file of outcomes, written in batches that are fsync'd before
 * the outcomes are reported. A token is revoked first and journalled after, so a crash in between only
 * means the next run revokes it again and hears 404 (already gone). A line torn by a crash mid-write
 * is cut off when the journal is reopened.
 */
export class Journal {
  readonly #handle: FileHandle;
  readonly #latest: Map<string, JournalEntry>;
  #queue: { entry: JournalEntry; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #flushing = false;

  private constructor(handle: FileHandle, latest: Map<string, JournalEntry>) {
    this.#handle = handle;
    this.#latest = latest;
  }

  /**
   * Opens (or starts) the journal for a run with `connection`. A journal written with other credentials
   * is refused (UsageError naming the mismatch): its "already gone" outcomes were heard with them.
   */
  static async open(path: string, connection: Connection): Promise<Journal> {
    let handle: FileHandle;
    try {
      handle = await open(path, "a+");
    } catch (error) {
      throw new UsageError(
        `--journal: cannot open ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
    try {
      if (!(await handle.stat()).isFile())
        throw new UsageError(`--journal: ${path} is not a regular file; give a file path for the journal`);
      const text = await handle.readFile("utf8");
      const { latest, validLength, header } = parseJournal(path, text);
      const mismatch = header && credentialMismatch(header, connection);
      if (mismatch)
        throw new UsageError(
          `--journal: refusing ${path}: ${mismatch}. Its outcomes were heard with other credentials; resume with those, or start a new journal file`,
        );
      if (validLength < Buffer.byteLength(text)) await handle.truncate(validLength);
      if (validLength === 0) {
        await handle.appendFile(`${JSON.stringify(headerFor(connection))}\n`);
        await handle.sync();
        await syncDirectory(dirname(path));
      }
      return new Journal(handle, latest);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The last outcome recorded for this token hash, if any. */
  outcome(hashedToken: string): JournalEntry | undefined {
    return this.#latest.get(hashedToken);
  }

  /** Done means revoked or already gone; a failed token is tried again. */
  isDone(hashedToken: string): boolean {
    const result = this.#latest.get(hashedToken)?.result;
    return result === "revoked" || result === "already_gone";
  }

  /** Resolves once the entry is on disk (written and fsync'd with whatever else was queued). */
  append(entry: JournalEntry): Promise<void> {
    this.#latest.set(entry.hashed_token, entry);
    return new Promise((resolve, reject) => {
      this.#queue.push({ entry, resolve, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      try {
        await this.#handle.appendFile(batch.map(({ entry }) => `${JSON.stringify(entry)}\n`).join(""));
        await this.#handle.sync();
        for (const item of batch) item.resolve();
      } catch (error) {
        const failure = new JournalWriteError(
          `--journal: writing the journal failed (${(error as NodeJS.ErrnoException).code ?? "error"}); the outcomes not yet reported are not recorded: rerun with the same journal`,
        );
        for (const item of batch) item.reject(failure);
      }
    }
    this.#flushing = false;
  }

  async close(): Promise<void> {
    await this.#handle.close();
  }
}

/** A new file's directory entry is durable only once its directory is fsync'd too. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

function parseJournal(
  path: string,
  text: string,
): { latest: Map<string, JournalEntry>; validLength: number; header: JournalHeader | undefined } {
  const latest = new Map<string, JournalEntry>();
  let header: JournalHeader | undefined;
  let offset = 0;
  let lineNumber = 0;
  while (offset < text.length) {
    const end = text.indexOf("\n", offset);
    // No newline: the last write was torn by a crash; it is dropped.
    if (end === -1) break;
    lineNumber++;
    const line = text.slice(offset, end);
    const parsed = parseLine(line);
    if (lineNumber === 1) {
      if (!(parsed && typeof parsed === "object" && "ghes_oauth_revoke_journal" in parsed))
        throw new UsageError(
          `--journal: ${path} is not a ghes-oauth revoke journal; give a new or an earlier journal file`,
        );
      header = parsed as JournalHeader;
    } else {
      const entry = toEntry(parsed);
      if (!entry) throw new UsageError(`--journal: ${path} line ${lineNumber} is not a journal entry`);
      // A version-1 journal does not say which credentials heard its 404s (a wrong secret gets 404 too):
      // its "already gone" outcomes are tried again.
      if (header?.ghes_oauth_revoke_journal === 1 && entry.result === "already_gone")
        latest.delete(entry.hashed_token);
      else latest.set(entry.hashed_token, entry);
    }
    offset = end + 1;
  }
  return { latest, validLength: Buffer.byteLength(text.slice(0, offset)), header };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function toEntry(value: unknown): JournalEntry | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { hashed_token, result, at } = value as Record<string, unknown>;
  if (typeof hashed_token !== "string" || !/^[0-9a-f]{64}$/.test(hashed_token)) return undefined;
  if (result !== "revoked" && result !== "already_gone" && result !== "failed") return undefined;
  if (typeof at !== "string") return undefined;
  return value as JournalEntry;
}

/** The outcomes recorded in an existing journal, without opening it for writing (for --dry-run). */
export async function readJournalOutcomes(path: string): Promise<Map<string, JournalEntry>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new UsageError(
      `--journal: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  return parseJournal(path, text).latest;
}
