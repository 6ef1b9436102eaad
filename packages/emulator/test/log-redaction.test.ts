import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { CliProcess } from "./support/cli-process.js";
import { call } from "./support/http.js";
import { TestEmulator } from "./support/world.js";

let running: CliProcess | undefined;

afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const alphanumerics = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");

/** A fresh secret of each shape GitHub uses (and an app secret: 40 hex). */
const SHAPES = {
  ghu: () => `ghu_${alphanumerics(36)}`,
  ghr: () => `ghr_${alphanumerics(76)}`,
  gho: () => `gho_${alphanumerics(36)}`,
  ghp: () => `ghp_${alphanumerics(36)}`,
  ghs: () => `ghs_${alphanumerics(36)}`,
  github_pat: () => `github_pat_${alphanumerics(22)}_${alphanumerics(59)}`,
  hex40: () => randomBytes(20).toString("hex"),
};

const percentEncodeAll = (text: string) =>
  Array.from(Buffer.from(text), (byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

/** `text` percent-encoded, then its `%` signs encoded again, `levels` times. */
function encodedDeep(text: string, levels: number): string {
  let encoded = percentEncodeAll(text);
  for (let level = 1; level < levels; level++) encoded = encoded.replaceAll("%", "%25");
  return encoded;
}

/** Decodes every valid `%XX` run, again and again: what a reader of the log could recover. */
function decodeAggressively(text: string): string {
  let current = text;
  for (let pass = 0; pass < 30; pass++) {
    current = current.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
      Buffer.from(run.replaceAll("%", ""), "hex").toString("latin1"),
    );
  }
  return current;
}

interface Variant {
  name: string;
  /** The request target as sent (path and query). */
  target: string;
  /** The values that must not appear in any log. */
  secrets: string[];
}

/** Every way of putting a secret into a request target that a log must not repeat. */
function variants(clientId: string): Variant[] {
  const base = `/api/v3/applications/${clientId}`;
  const list: Variant[] = [];
  const add = (name: string, build: (secret: string) => string, shape: keyof typeof SHAPES = "ghu") => {
    const secret = SHAPES[shape]();
    list.push({ name, target: build(secret), secrets: [secret] });
  };
  add("well-formed tokens/", (t) => `${base}/tokens/${t}`);
  add("well-formed grants/", (t) => `${base}/grants/${t}`);
  add("encoded slash tokens%2F", (t) => `${base}/tokens%2F${t}`);
  add("encoded slash, lower case tokens%2f", (t) => `${base}/tokens%2f${t}`);
  add("double-encoded slash tokens%252F", (t) => `${base}/tokens%252F${t}`);
  add("capital Tokens/", (t) => `${base}/Tokens/${t}`);
  add("upper case GRANTS/", (t) => `${base}/GRANTS/${t}`);
  add("double slash tokens//", (t) => `${base}/tokens//${t}`);
  add("singular token/", (t) => `${base}/token/${t}`);
  add("singular grant/", (t) => `${base}/grant/${t}`);
  add("opaque value after Tokens/", (t) => `${base}/Tokens/${t.slice(4)}`);
  add("opaque value after tokens//", (t) => `${base}/tokens//${t.slice(4)}`);
  add("opaque value after token/", (t) => `${base}/token/${t.slice(4)}`);
  add("opaque value after grants%2F", (t) => `${base}/grants%2F${t.slice(4)}`);
  add("token at the root", (t) => `/${t}`);
  add("token at the API root", (t) => `/api/v3/${t}`);
  add("token inside a segment", (t) => `/x${t}y`);
  add("token with an upper-case prefix", (t) => `/${t.toUpperCase()}`);
  add("token with encoded characters", (t) => `${base}/tokens/%67${t.slice(1)}`);
  add("token fully percent-encoded", (t) => `/${percentEncodeAll(t)}`);
  add("token after malformed percent-encoding", (t) => `${base}/tokens/%E0%A4%A${t}`);
  add("token after a lone %", (t) => `/%/${t}`);
  add("token after an invalid escape %ZZ", (t) => `/%ZZ${t}`);
  add("token encoded three times", (t) => `${base}/tokens/${encodedDeep(t, 3)}`);
  add("token encoded twelve times", (t) => `/${encodedDeep(t, 12)}`);
  add("token after an encoded newline", (t) => `/x%0AGET%20/forged%20200%201.0ms%20X/${t}`);
  for (const shape of Object.keys(SHAPES) as (keyof typeof SHAPES)[]) {
    add(`${shape} at the root`, (t) => `/${t}`, shape);
    add(`${shape} in a path-style route`, (t) => `${base}/tokens/${t}`, shape);
    add(`${shape} in an odd segment`, (t) => `${base}/secret-${t}`, shape);
  }
  for (const parameter of ["access_token", "client_secret", "code", "device_code", "refresh_token", "x"]) {
    add(`query ${parameter}=`, (t) => `/login/oauth/access_token?client_id=${clientId}&${parameter}=${t}`);
  }
  add("query value not token-shaped", (t) => `/login/oauth/access_token?code=${t.slice(4)}`);
  add("query value percent-encoded", (t) => `/login/oauth/access_token?code=${percentEncodeAll(t)}`);
  add("query value with +", (t) => `/login/oauth/access_token?code=a+${t}`);
  add("query parameter name that is a token", (t) => `/login/oauth/access_token?${t}=1`);
  add("query client_id holding a token", (t) => `/login/oauth/access_token?client_id=${t}`);
  add("query on a path-style route", (t) => `${base}/tokens/${t}?access_token=${t}`);
  add("malformed query", (t) => `/login/oauth/access_token?%E0%A4%A=${t}&&=&code=%ZZ${t}`);
  add("admin route with a secret in the query", (t) => `/_emulator/tokens?client_id=${clientId}&secret=${t}`);
  return list;
}

/**
 * The variants whose secrets show in `output`: as such, or their random part, in any letter case,
 * before or after percent-decoding.
 */
function leaks(output: string, cases: Variant[]): string[] {
  const texts = [output, decodeAggressively(output)].map((text) => text.toLowerCase());
  return cases
    .filter(({ secrets }) =>
      secrets.some((secret) => {
        const body = secret.replace(/^(gh[a-z]_|github_pat_)/i, "").toLowerCase();
        return texts.some((text) => text.includes(body));
      }),
    )
    .map(({ name }) => name);
}

async function sendAll(origin: string, cases: Variant[]): Promise<void> {
  for (const { target } of cases) {
    for (const method of ["GET", "POST", "DELETE"]) {
      const result = await call(method, `${origin}${target}`);
      expect(result.status, `${method} ${target}`).toBeGreaterThanOrEqual(200);
    }
  }
}

const ACCESS_LOG_LINE = /^[A-Z]+ \/\S* (\d{3}|RESET) \d+\.\dms [0-9A-F:]+$/;

describe("logs redact every token-shaped string, however the path is written", () => {
  it("the bin's access log (stderr): no variant leaks, one line per request", async () => {
    running = await CliProcess.start([]);
    const cases = variants("Iv1.0123456789abcdef");
    await sendAll(running.url, cases);
    await running.stop("SIGTERM");
    expect(leaks(running.stdout + running.stderr, cases)).toEqual([]);
    const lines = running.stderr.trim().split("\n");
    expect(lines).toHaveLength(cases.length * 3);
    for (const line of lines) expect(line).toMatch(ACCESS_LOG_LINE);
    // What stays readable: the shape of the path and the names of query parameters.
    expect(running.stderr).toContain("/applications/Iv1.0123456789abcdef/tokens/REDACTED ");
    expect(running.stderr).toContain("/applications/Iv1.0123456789abcdef/token/REDACTED ");
    expect(running.stderr).toContain(
      "/login/oauth/access_token?client_id=Iv1.0123456789abcdef&client_secret=REDACTED ",
    );
    expect(running.stderr).toContain("/_emulator/tokens?client_id=Iv1.0123456789abcdef&secret=REDACTED ");
    expect(running.stderr).not.toMatch(/^GET \/forged/m);
  });

  it("GET /_emulator/requests and the programmatic log: no variant leaks", async () => {
    const lines: string[] = [];
    const emulator = await TestEmulator.start({ log: (line) => lines.push(line) });
    try {
      const cases = variants("Iv1.0123456789abcdef");
      await sendAll(emulator.url, cases);
      const entries = await emulator.control.requests();
      expect(leaks(JSON.stringify(entries), cases)).toEqual([]);
      expect(leaks(lines.join("\n"), cases)).toEqual([]);
      // Every API request is listed (the admin route with a query is not: it is an admin request).
      expect(entries).toHaveLength((cases.length - 1) * 3);
      for (const line of lines) expect(line).toMatch(ACCESS_LOG_LINE);
      expect(entries).toContainEqual(
        expect.objectContaining({
          path: "/login/oauth/access_token",
          query: "client_id=Iv1.0123456789abcdef&device_code=REDACTED",
        }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({ path: "/api/v3/applications/Iv1.0123456789abcdef/tokens/REDACTED" }),
      );
    } finally {
      await emulator.close();
    }
  });
});
