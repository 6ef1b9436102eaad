import { afterEach, describe, expect, it } from "vitest";
import { CliProcess, runCli } from "./support/cli-process.js";
import { call } from "./support/http.js";

let running: CliProcess | undefined;

afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

describe("the bin's behaviour flags", () => {
  it("--scoped-token-expiry, --parent-refresh, --rate-limit and --secondary-rate-limit set the behaviour", async () => {
    running = await CliProcess.start([
      "--quiet",
      "--scoped-token-expiry",
      "own",
      "--parent-refresh",
      "revoke-children",
      "--rate-limit",
      "5000/3600",
      "--secondary-rate-limit",
      "500/5",
    ]);
    const behaviour = await call("GET", `${running.url}/_emulator/behaviour`);
    expect(behaviour.body).toEqual({
      scopedTokenExpiry: "own",
      parentRefresh: "revoke-children",
      rateLimit: {
        primary: { limit: 5000, windowSeconds: 3600, status: 403 },
        secondary: { limit: 500, windowSeconds: 5, status: 403 },
        oauthApps: null,
      },
    });
    const meta = await call("GET", `${running.apiUrl}/meta`);
    expect(meta.headers["x-ratelimit-limit"]).toBe("5000");
    expect(meta.headers["x-ratelimit-remaining"]).toBe("4999");
  });

  it("refuses bad values with exit code 2 and names the flag", async () => {
    for (const [flag, value] of [
      ["--scoped-token-expiry", "never"],
      ["--parent-refresh", "sometimes"],
      ["--rate-limit", "fast"],
      ["--secondary-rate-limit", "10/0"],
    ] as const) {
      const result = await runCli([flag, value]);
      expect(result.code, flag).toBe(2);
      expect(result.stderr).toContain(flag);
    }
    const help = await runCli(["--help"]);
    for (const flag of [
      "--scoped-token-expiry",
      "--parent-refresh",
      "--rate-limit",
      "--secondary-rate-limit",
    ])
      expect(help.stdout).toContain(flag);
  });
});
