import { describe, expect, it } from "vitest";
import { isCallbackUrl, redirectUriMatches, resolveRedirectUri } from "../src/pages/redirect-uri.js";

describe("redirect_uri against a registered callback URL (GitHub's rules)", () => {
  // GitHub's documented examples for the callback URL http://example.com/path.
  it.each([
    ["http://example.com/path", true],
    ["http://example.com/path/subdir/other", true],
    ["http://oauth.example.com/path", true],
    ["http://oauth.example.com/path/subdir/other", true],
    ["http://example.com/bar", false],
    ["http://example.com/", false],
    ["http://example.com:8080/path", false],
    ["http://oauth.example.com:8080/path", false],
    ["http://example.org", false],
    ["http://example.com/pathology", false],
    ["https://example.com/path", false],
    ["http://evil-example.com/path", false],
    ["http://user:pw@example.com/path", false],
    ["http://example.com/path#fragment", false],
  ])("%s: %s", (redirectUri, matches) => {
    expect(redirectUriMatches("http://example.com/path", redirectUri)).toBe(matches);
  });

  it("a loopback callback URL matches any port, on the same loopback host and path only", () => {
    expect(redirectUriMatches("http://127.0.0.1/path", "http://127.0.0.1:1234/path")).toBe(true);
    expect(redirectUriMatches("http://127.0.0.1:8000/path", "http://127.0.0.1:1234/path/sub")).toBe(true);
    expect(redirectUriMatches("http://[::1]/cb", "http://[::1]:5000/cb")).toBe(true);
    expect(redirectUriMatches("http://127.0.0.1/path", "http://localhost:1234/path")).toBe(false);
    expect(redirectUriMatches("http://127.0.0.1/path", "http://127.0.0.1:1234/other")).toBe(false);
  });

  it("no redirect_uri means the first callback URL; none registered means no redirect at all", () => {
    expect(resolveRedirectUri(["https://app.example/cb", "https://b.example/cb"], undefined)).toBe(
      "https://app.example/cb",
    );
    expect(resolveRedirectUri([], undefined)).toBeUndefined();
    expect(resolveRedirectUri([], "https://app.example/cb")).toBeUndefined();
    expect(resolveRedirectUri(["https://app.example/cb"], "https://app.example/cb/x")).toBe(
      "https://app.example/cb/x",
    );
  });

  it("a callback URL to register is an absolute http(s) URL without a fragment", () => {
    expect(isCallbackUrl("https://app.example/cb")).toBe(true);
    expect(isCallbackUrl("http://127.0.0.1/callback")).toBe(true);
    expect(isCallbackUrl("javascript:alert(1)")).toBe(false);
    expect(isCallbackUrl("/cb")).toBe(false);
    expect(isCallbackUrl("https://app.example/cb#x")).toBe(false);
  });
});
