import { describe, expect, it } from "vitest";
import { InvalidInputError, normalizeBaseUrl } from "../src/index.js";
import { isLoopbackHost } from "../src/request/index.js";

describe("normalizeBaseUrl", () => {
  it.each([
    ["https://github.example.com", "https://github.example.com", "/api/v3"],
    ["https://github.example.com/", "https://github.example.com", "/api/v3"],
    ["https://github.example.com/api/v3", "https://github.example.com", "/api/v3"],
    ["https://github.example.com/api/v3///", "https://github.example.com", "/api/v3"],
    ["https://github.example.com:8443/api/v3/", "https://github.example.com:8443", "/api/v3"],
    ["https://api.github.com", "https://api.github.com", ""],
    ["https://api.github.com/", "https://api.github.com", ""],
    ["http://127.0.0.1:8080/api/v3", "http://127.0.0.1:8080", "/api/v3"],
  ])("%s -> %s%s", (input, origin, basePath) => {
    const location = normalizeBaseUrl(input);
    expect(location.origin).toBe(origin);
    expect(location.basePath).toBe(basePath);
  });

  it.each([
    ["not a url", "absolute URL"],
    ["ftp://github.example.com", "https://"],
    ["https://user:pass@github.example.com", "credentials"],
    ["https://github.example.com/api/v3?x=1", "query"],
  ])("rejects %s", (input, fragment) => {
    const error = (() => {
      try {
        normalizeBaseUrl(input);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]?.path).toBe("baseUrl");
    expect((error as InvalidInputError).message).toContain(fragment);
  });

  it("does not echo credentials embedded in the URL", () => {
    expect(() => normalizeBaseUrl("https://user:hunter2@github.example.com")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});

describe("isLoopbackHost", () => {
  it.each(["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255", "[::1]", "::1"])(
    "%s is loopback",
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );
  it.each([
    "example.com",
    "128.0.0.1",
    "10.0.0.1",
    "[::2]",
    "localhost.example.com",
    "127.0.0.1.nip.io",
    "127.0.0.256",
    // Names a resolver answers: not literal loopback, whatever they resolve to.
    "evil.localhost",
    "api.localhost",
    "localhost.",
    "xlocalhost",
  ])("%s is not loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it("normalizeBaseUrl marks only literal loopback hosts as loopback", () => {
    expect(normalizeBaseUrl("http://evil.localhost:8080").loopback).toBe(false);
    expect(normalizeBaseUrl("http://localhost:8080").loopback).toBe(true);
    expect(normalizeBaseUrl("http://[0:0:0:0:0:0:0:1]:8080").loopback).toBe(true);
    expect(normalizeBaseUrl("http://127.1:8080").loopback).toBe(true);
  });
});
