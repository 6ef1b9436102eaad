import { describe, expect, it } from "vitest";
import { runCli } from "./support/run-cli.js";

const PASSWORD = "Cli-Pr0xy-Passw0rd-never-shown";
const TOKEN = `ghu_${"P".repeat(36)}`;

describe("an unparsable HTTPS_PROXY", () => {
  it.each([
    ["check", ["check"]],
    ["revoke", ["revoke"]],
  ])(
    "%s: exit 2 with a usage message naming the variable, the proxy password nowhere",
    async (_name, args) => {
      const result = await runCli(args, {
        env: {
          GHES_OAUTH_BASE_URL: "https://github.example.com",
          GHES_OAUTH_CLIENT_ID: "Iv1.proxy",
          GHES_OAUTH_CLIENT_SECRET: "cli-proxy-client-secret",
          HTTPS_PROXY: `http://proxyuser:${PASSWORD}@proxy.example.com:99999`,
          NO_PROXY: "",
          no_proxy: "",
        },
        input: `${TOKEN}\n`,
      });
      expect(result.stderr).toContain(
        "HTTPS_PROXY is not a usable proxy URL: http://[REDACTED]@proxy.example.com:99999",
      );
      expect(result.code).toBe(2);
      for (const output of [result.stdout, result.stderr]) {
        expect(output).not.toContain(PASSWORD);
        expect(output).not.toContain("proxyuser");
        expect(output).not.toContain("cli-proxy-client-secret");
        expect(output).not.toContain(TOKEN);
      }
    },
  );
});
