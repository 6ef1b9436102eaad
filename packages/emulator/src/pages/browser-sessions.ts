import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { sha256Hex } from "../credentials.js";
import type { EmulatorUrls } from "../render/urls.js";

function parseCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

function sameBytes(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Who is signed in, per browser, and the forms' CSRF tokens. Sessions live in memory: they end when
 * the emulator restarts or the person signs out. Cookies are HttpOnly and SameSite=Lax; their names
 * carry the port, since browsers share cookies between ports of one host (two emulators side by side).
 *
 * CSRF is the signed double-submit pattern: a random cookie, and in each form an HMAC of it under a key
 * that never leaves this process. A forged form from another site can neither read the cookie nor
 * compute the HMAC.
 */
export class BrowserSessions {
  readonly #userIdBySessionHash = new Map<string, number>();
  readonly #csrfKey = randomBytes(32);

  constructor(private readonly urls: EmulatorUrls) {}

  #cookieName(kind: "session" | "csrf"): string {
    const port = new URL(this.urls.origin).port || "default";
    return `ghes_emulator_${kind}_${port}`;
  }

  #cookie(name: string, value: string, maxAge?: number): string {
    const secure = this.urls.origin.startsWith("https:") ? "; Secure" : "";
    const age = maxAge === undefined ? "" : `; Max-Age=${maxAge}`;
    return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax${secure}${age}`;
  }

  /** The signed-in user's id, if this browser has a live session. */
  userId(req: IncomingMessage): number | undefined {
    const session = parseCookies(req).get(this.#cookieName("session"));
    return session === undefined ? undefined : this.#userIdBySessionHash.get(sha256Hex(session));
  }

  /** Signs `userId` in: the cookie to set (a session cookie: no expiry, gone when the browser closes too). */
  signIn(req: IncomingMessage, userId: number): string {
    this.signOut(req);
    const session = randomBytes(32).toString("base64url");
    this.#userIdBySessionHash.set(sha256Hex(session), userId);
    return this.#cookie(this.#cookieName("session"), session);
  }

  /** Ends this browser's session: the cookie that clears it. */
  signOut(req: IncomingMessage): string {
    const session = parseCookies(req).get(this.#cookieName("session"));
    if (session !== undefined) this.#userIdBySessionHash.delete(sha256Hex(session));
    return this.#cookie(this.#cookieName("session"), "", 0);
  }

  /** The CSRF token for this browser's forms, and the cookie to set when it has none yet. */
  csrf(req: IncomingMessage): { token: string; cookie?: string } {
    const existing = parseCookies(req).get(this.#cookieName("csrf"));
    if (existing !== undefined && /^[A-Za-z0-9_-]{43}$/.test(existing))
      return { token: this.#sign(existing) };
    const value = randomBytes(32).toString("base64url");
    return { token: this.#sign(value), cookie: this.#cookie(this.#cookieName("csrf"), value) };
  }

  /** Whether a submitted form's token belongs to this browser's CSRF cookie. */
  verifyCsrf(req: IncomingMessage, token: string | undefined): boolean {
    const value = parseCookies(req).get(this.#cookieName("csrf"));
    if (value === undefined || token === undefined) return false;
    return sameBytes(this.#sign(value), token);
  }

  #sign(value: string): string {
    return createHmac("sha256", this.#csrfKey).update(value).digest("base64url");
  }
}
