import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, GhesOAuthError, OAuthAppClient } from "../src/index.js";

const PASSWORD = "Pr0xy-Passw0rd-never-shown";
const base = { clientId: "Iv1.proxy", clientSecret: "proxy-test-secret" };

afterEach(() => {
  vi.unstubAllEnvs();
});

function construct(baseUrl: string): unknown {
  try {
    new OAuthAppClient({ ...base, baseUrl });
  } catch (error) {
    return error;
  }
  return undefined;
}

function everythingOf(error: unknown): string {
  const value = error as Error;
  return [
    value.message,
    value.stack,
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
  ].join("\n");
}

describe("an unparsable proxy URL in the environment", () => {
  it.each([
    [
      "HTTPS_PROXY",
      `http://proxyuser:${PASSWORD}@proxy.example.com:99999`,
      "http://[REDACTED]@proxy.example.com:99999",
    ],
    [
      "https_proxy",
      `http://proxy user:${PASSWORD}@proxy .example.com:8080`,
      "http://[REDACTED]@proxy .example.com:8080",
    ],
    ["HTTP_PROXY", `proxyuser:${PASSWORD}@proxy.example.com:3128`, "[REDACTED]@proxy.example.com:3128"],
  ])("%s=%s: ConfigurationError naming the variable, credentials redacted", (variable, value, shown) => {
    vi.stubEnv(variable, value);
    const error = construct("https://github.example.com");
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toBeInstanceOf(GhesOAuthError);
    expect(error).toMatchObject({ name: "ConfigurationError", variable });
    expect((error as Error).message).toContain(`${variable} is not a usable proxy URL: ${shown}`);
    expect((error as Error).cause).toBeUndefined();
    expect(everythingOf(error)).not.toContain(PASSWORD);
    expect(everythingOf(error)).not.toContain("proxyuser");
  });

  it("is caught for the web host's own origin too (api.github.com -> github.com)", () => {
    vi.stubEnv("HTTPS_PROXY", `http://u:${PASSWORD}@[::1`);
    const error = construct("https://api.github.com");
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(everythingOf(error)).not.toContain(PASSWORD);
  });

  it("a proxy URL that is not http(s) is refused the same way", () => {
    vi.stubEnv("HTTPS_PROXY", `ftp://u:${PASSWORD}@proxy.example.com`);
    const error = construct("https://github.example.com");
    expect(error).toMatchObject({ name: "ConfigurationError", variable: "HTTPS_PROXY" });
    expect(everythingOf(error)).not.toContain(PASSWORD);
  });

  it("is ignored for loopback and NO_PROXY hosts, which never use the proxy", async () => {
    vi.stubEnv("HTTPS_PROXY", `http://u:${PASSWORD}@proxy.example.com:99999`);
    vi.stubEnv("NO_PROXY", "github.example.com");
    const clients = [
      new OAuthAppClient({ ...base, baseUrl: "http://127.0.0.1:1" }),
      new OAuthAppClient({ ...base, baseUrl: "https://github.example.com" }),
    ];
    await Promise.all(clients.map((client) => client.close()));
  });
});
