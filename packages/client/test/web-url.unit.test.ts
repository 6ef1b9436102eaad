import { describe, expect, it } from "vitest";
import { deriveWebUrl, InvalidInputError, OAuthAppClient, resolveWebLocation } from "../src/index.js";
import { createRequestContext } from "../src/request/index.js";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (caught) {
    return caught;
  }
  return undefined;
}

describe("deriveWebUrl: where the OAuth endpoints live", () => {
  it.each([
    ["https://github.example.com/api/v3", "https://github.example.com"],
    ["https://github.example.com/api/v3/", "https://github.example.com"],
    ["https://github.example.com", "https://github.example.com"],
    ["https://github.example.com:8443/api/v3", "https://github.example.com:8443"],
    ["https://api.github.com", "https://github.com"],
    ["https://api.github.com/", "https://github.com"],
    ["https://api.octocorp.ghe.com", "https://octocorp.ghe.com"],
    ["http://127.0.0.1:8080/api/v3", "http://127.0.0.1:8080"],
    ["https://example.com/github/api/v3", "https://example.com/github"],
  ])("%s -> %s", (baseUrl, webUrl) => {
    expect(deriveWebUrl(baseUrl)).toBe(webUrl);
  });

  it("webUrl overrides the derivation, trailing slashes trimmed", () => {
    expect(deriveWebUrl("https://api.github.com", "https://login.example.com/")).toBe(
      "https://login.example.com",
    );
    expect(resolveWebLocation("https://github.example.com", "https://sso.example.com/gh/")).toEqual({
      origin: "https://sso.example.com",
      basePath: "/gh",
      secure: true,
      loopback: false,
    });
  });

  it.each([
    ["not a url", "absolute URL"],
    ["ftp://github.example.com", "https://"],
    ["https://user:pass@github.example.com", "credentials"],
    ["https://github.example.com/?x=1", "query"],
  ])("rejects webUrl %s, naming webUrl", (webUrl, fragment) => {
    const error = thrown(() => resolveWebLocation("https://github.example.com", webUrl));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]?.path).toBe("webUrl");
    expect((error as InvalidInputError).message).toContain(fragment);
  });
});

describe("OAuthAppClient webUrl option", () => {
  const options = { baseUrl: "https://github.example.com", clientId: "Iv1.x", clientSecret: "s3cret" };

  it("refuses plain http:// webUrl to a non-loopback host", () => {
    const error = thrown(() => new OAuthAppClient({ ...options, webUrl: "http://github.example.com" }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      expect.objectContaining({ path: "webUrl", message: expect.stringContaining("allowInsecureHttp") }),
    ]);
  });

  it.each([[""], [42]])("refuses webUrl %j with a message naming it", (webUrl) => {
    const error = thrown(() => new OAuthAppClient({ ...options, webUrl: webUrl as string }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]?.path).toBe("webUrl");
  });
});

describe("the web host's own dispatcher and the environment's proxy", () => {
  const options = {
    baseUrl: "https://github.example.com",
    webUrl: "http://login.example.com",
    clientId: "Iv1.x",
    clientSecret: "s3cret",
    allowInsecureHttp: true,
  };

  it("refuses plain http:// webUrl through a proxy at construction, naming webUrl and NO_PROXY", () => {
    const error = thrown(() =>
      createRequestContext(options, { HTTP_PROXY: "http://proxy.example.com:3128" }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      expect.objectContaining({
        path: "webUrl",
        message: expect.stringContaining("NO_PROXY=login.example.com"),
      }),
    ]);
  });

  it("accepts it when NO_PROXY exempts the host, or without a proxy", async () => {
    for (const env of [{ HTTP_PROXY: "http://proxy.example.com:3128", NO_PROXY: "login.example.com" }, {}]) {
      const { context } = createRequestContext(options, env);
      expect(context.web.dispatcher.created).toBe(false);
      await context.dispatcher.close();
    }
  });
});
