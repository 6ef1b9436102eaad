import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { InvalidInputError, OAuthAppClient } from "../src/index.js";
import { startStubServer } from "./support/stub-server.js";

const valid = {
  baseUrl: "https://github.example.com",
  clientId: "Iv1.0123456789abcdef",
  clientSecret: "s3cret-value",
};

function constructionError(options: unknown): InvalidInputError {
  try {
    new OAuthAppClient(options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error("expected the constructor to throw");
}

describe("OAuthAppClient options", () => {
  it("refuses plain http to a non-loopback host, naming allowInsecureHttp", () => {
    const error = constructionError({ ...valid, baseUrl: "http://github.example.com" });
    expect(error.issues[0]?.path).toBe("baseUrl");
    expect(error.message).toContain("allowInsecureHttp");
  });

  it.each(["http://evil.localhost:3000", "http://localhost.:3000", "http://127.0.0.1.nip.io"])(
    "refuses plain http to %s: a name that merely looks local is resolved like any other",
    (baseUrl) => {
      const error = constructionError({ ...valid, baseUrl });
      expect(error.issues[0]?.path).toBe("baseUrl");
      expect(error.message).toContain("allowInsecureHttp");
    },
  );

  it.each([
    [{ ...valid, clientId: "" }, "clientId"],
    [{ ...valid, clientSecret: "" }, "clientSecret"],
    [{ ...valid, clientSecret: "   " }, "clientSecret"],
    [{ ...valid, baseUrl: undefined }, "baseUrl"],
    [{ ...valid, timeoutMs: 0 }, "timeoutMs"],
    [{ ...valid, retry: { retries: -1 } }, "retry.retries"],
    [{ ...valid, ca: 42 }, "ca"],
    [{ ...valid, userAgent: "a\r\nx-injected: 1" }, "userAgent"],
    [{ ...valid, userAgent: 42 }, "userAgent"],
  ])("rejects invalid options (%#)", (options, path) => {
    const error = constructionError(options);
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(error.message).not.toContain("s3cret-value");
  });

  it.each([
    ["NUL", "my-app\u0000/1.0"],
    ["a tab", "my-app\t1.0"],
    ["ESC", "my-app\u001b[31m/1.0"],
    ["DEL", "my-app\u007f/1.0"],
    ["a C1 control", "my-app\u0085/1.0"],
    ["non-Latin-1 text", "my-app/1.0 \u2603"],
    ["an emoji", "my-app/1.0 \u{1F600}"],
  ])("rejects a userAgent containing %s, naming userAgent", (_what, userAgent) => {
    const error = constructionError({ ...valid, userAgent });
    expect(error.issues.map((issue) => issue.path)).toEqual(["userAgent"]);
    expect(error.message).toMatch(/printable/);
  });

  it("accepts a userAgent of printable ASCII and Latin-1, and sends it as given", async () => {
    const userAgent = "my-app/1.0 (caf\u00e9; +https://example.com)";
    const stub = await startStubServer(() => ({ status: 204 }));
    const client = new OAuthAppClient({ ...valid, baseUrl: stub.apiUrl, userAgent });
    try {
      await client.deleteToken("ghu_any");
      expect(stub.requests.map((request) => request.headers["user-agent"])).toEqual([userAgent]);
    } finally {
      await client.close();
      await stub.close();
    }
  });

  it("keeps the credentials out of util.inspect and JSON of the client", async () => {
    const client = new OAuthAppClient(valid);
    const basic = Buffer.from(`${valid.clientId}:${valid.clientSecret}`).toString("base64");
    for (const text of [
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      String(client),
    ]) {
      expect(text).not.toContain(valid.clientSecret);
      expect(text).not.toContain(basic);
    }
    await client.close();
  });
});
