import { futureTokens, windowsOf } from "@ghes-oauth/vitest-preset/token-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactPath, redactQuery } from "../src/redact.js";
import { call } from "./support/http.js";
import { TestEmulator } from "./support/world.js";

const TOKENS = Object.entries(futureTokens());

function expectNone(text: string, token: string) {
  for (const piece of windowsOf(token)) expect(text).not.toContain(piece);
}

describe("the request log redacts tomorrow's token formats whole", () => {
  it.each(TOKENS)("%s anywhere in a path or a query", (_shape, token) => {
    for (const path of [
      `/api/v3/x/${token}`,
      `/api/v3/${token}/y`,
      `/api/v3/x/${token}.json`,
      `/${encodeURIComponent(token)}`,
    ]) {
      const logged = redactPath(path);
      expect(logged).toContain("REDACTED");
      expectNone(logged, token);
    }
    const query = redactQuery(`${token}=1&client_id=${token}`);
    expectNone(query, token);
  });

  describe("through a running emulator", () => {
    let emulator: TestEmulator;
    beforeAll(async () => {
      emulator = await TestEmulator.start();
    });
    afterAll(async () => {
      await emulator?.close();
    });

    it.each(TOKENS)("%s in the path of the deprecated routes and elsewhere", async (_shape, token) => {
      await emulator.control.clearRequests();
      await call("GET", `${emulator.apiUrl}/applications/Iv1.none/tokens/${token}`, {
        auth: ["Iv1.none", "x"],
      });
      await call("GET", `${emulator.apiUrl}/unknown/${token}?client_id=${token}`);
      const log = JSON.stringify(await emulator.control.requests());
      expect(log).toContain("REDACTED");
      expectNone(log, token);
    });
  });
});
