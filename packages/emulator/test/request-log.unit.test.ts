import { describe, expect, it } from "vitest";
import { redactPath, redactQuery } from "../src/redact.js";
import { RequestLog, type RequestLogEntry } from "../src/request-log.js";

const entry = (n: number): RequestLogEntry => ({
  method: "POST",
  path: `/p/${n}`,
  query: "",
  status: 200,
  time: new Date(n).toISOString(),
  durationMs: 1,
  requestId: String(n),
});

describe("RequestLog", () => {
  it("keeps the newest 10,000 entries, oldest first", () => {
    const log = new RequestLog();
    for (let n = 0; n < 10_250; n++) log.add(entry(n));
    const listed = log.list();
    expect(listed).toHaveLength(10_000);
    expect(listed[0]?.requestId).toBe("250");
    expect(listed.at(-1)?.requestId).toBe("10249");
    log.clear();
    expect(log.list()).toEqual([]);
    log.add(entry(1));
    expect(log.list().map((e) => e.requestId)).toEqual(["1"]);
  });
});

describe("redactPath", () => {
  it("hides path-style tokens and anything token-shaped, after percent-decoding", () => {
    expect(redactPath("/api/v3/applications/Iv1.ab/tokens/ghu_secret")).toBe(
      "/api/v3/applications/Iv1.ab/tokens/REDACTED",
    );
    expect(redactPath("/applications/Iv1.ab/grants/not-a-ghu-token")).toBe(
      "/applications/Iv1.ab/grants/REDACTED",
    );
    expect(redactPath("/applications/Iv1.ab/Tokens%252F%252Fopaque")).toBe(
      "/applications/Iv1.ab/Tokens//REDACTED",
    );
    expect(redactPath("/weird/ghp_abc123/x")).toBe("/weird/REDACTED/x");
    expect(redactPath("/_emulator/tokens")).toBe("/_emulator/tokens");
    expect(redactPath("/api/v3/applications/Iv1.ab/token")).toBe("/api/v3/applications/Iv1.ab/token");
    expect(redactPath("/api/v3/applications/Iv1.ab/token/scoped")).toBe(
      "/api/v3/applications/Iv1.ab/token/scoped",
    );
    expect(redactPath("/a b%0A%E0%A4%A")).toBe("/a%20b%0A%EF%BF%BD%A");
  });

  it("keeps query parameter names and client_id, and hides every other value", () => {
    expect(redactQuery("")).toBe("");
    expect(redactQuery("client_id=Iv1.ab&client_secret=s3cret&code=&flag")).toBe(
      "client_id=Iv1.ab&client_secret=REDACTED&code=REDACTED&flag=REDACTED",
    );
    expect(redactQuery("client_id=ghu_abc&ghr_def=1&%E0%A4%A=%ZZ")).toBe(
      "client_id=REDACTED&REDACTED=REDACTED&%EF%BF%BD%A=REDACTED",
    );
  });
});
