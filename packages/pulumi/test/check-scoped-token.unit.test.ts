// Pure tests of ScopedToken's check beyond the input rules (check-resource-inputs.unit.test.ts): the
// connection it will use, from the argument, stack config or environment, judged at preview with its
// values never shown. bad-input.test.ts and connection.test.ts prove the same through the real engine.
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkScopedToken } from "../dist/runtime/scoped-token/check-scoped-token.js";
import { configureFromStack } from "../dist/runtime/shared/connection-settings.js";

const clientSecret = "0123456789abcdef0123456789abcdef01234567";
const valid = {
  accessToken: "ghu_0123456789abcdefghijklmnopqrstuvwxyz",
  target: "acme",
  permissions: { contents: "read" },
};
const connection = { baseUrl: "https://ghe.example.com", clientId: "Iv1.0123456789abcdef", clientSecret };
const ENV = ["GHES_OAUTH_BASE_URL", "GHES_OAUTH_CLIENT_ID", "GHES_OAUTH_CLIENT_SECRET"];
const stackConfig = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

afterEach(() => {
  vi.unstubAllEnvs();
  configureFromStack(stackConfig({}));
});

function withoutEnvironment() {
  for (const name of ENV) vi.stubEnv(name, undefined);
}

describe("check", () => {
  it("passes valid inputs with a connection argument, returning the inputs as given", async () => {
    withoutEnvironment();
    const news = { ...valid, connection };
    expect(await checkScopedToken({}, news)).toEqual({ inputs: news });
  });

  it("fails at preview when no connection is configured, naming every missing setting", async () => {
    withoutEnvironment();
    const { failures } = await checkScopedToken({}, valid);
    expect(failures).toHaveLength(1);
    expect(failures?.[0]?.property).toBe("");
    expect(failures?.[0]?.reason).toMatch(
      /^connection: no GHES connection: set ghes-oauth:baseUrl \(or env GHES_OAUTH_BASE_URL\), /,
    );
    expect(failures?.[0]?.reason).toContain("ghes-oauth:clientSecret (or env GHES_OAUTH_CLIENT_SECRET)");
  });

  it("names only the settings that are missing", async () => {
    withoutEnvironment();
    vi.stubEnv("GHES_OAUTH_BASE_URL", "https://ghe.example.com");
    configureFromStack(stackConfig({ "ghes-oauth:clientSecret": clientSecret }));
    const [failure] = (await checkScopedToken({}, valid)).failures ?? [];
    expect(failure?.reason).toMatch(
      /^connection: no GHES connection: set ghes-oauth:clientId \(or env GHES_OAUTH_CLIENT_ID\);/,
    );
    expect(failure?.reason).not.toContain(clientSecret);
  });

  it("accepts a connection from stack config, or field by field from the environment", async () => {
    withoutEnvironment();
    configureFromStack(
      stackConfig({ "ghes-oauth:baseUrl": connection.baseUrl, "ghes-oauth:clientId": connection.clientId }),
    );
    vi.stubEnv("GHES_OAUTH_CLIENT_SECRET", clientSecret);
    expect((await checkScopedToken({}, valid)).failures).toBeUndefined();
  });

  it("judges a configured connection and says where it came from, without its values", async () => {
    withoutEnvironment();
    vi.stubEnv("GHES_OAUTH_BASE_URL", "http://ghe.example.com");
    vi.stubEnv("GHES_OAUTH_CLIENT_ID", connection.clientId);
    vi.stubEnv("GHES_OAUTH_CLIENT_SECRET", clientSecret);
    const { failures } = await checkScopedToken({}, valid);
    expect(failures).toEqual([
      {
        property: "",
        reason:
          "connection (from stack config ghes-oauth:* or env GHES_OAUTH_*): baseUrl: must use https:// (the client secret is sent with every request)",
      },
    ]);
    expect(JSON.stringify(failures)).not.toContain(clientSecret);
  });

  it("reports input failures without looking for a connection", async () => {
    withoutEnvironment();
    const { failures } = await checkScopedToken({}, { ...valid, target: "" });
    expect(failures?.map((failure) => failure.reason)).toEqual([expect.stringMatching(/^target: /)]);
  });
});
