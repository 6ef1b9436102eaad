import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmulatorAdmin, type RunningEmulator, startEmulator } from "../dist/index.js";
import { call } from "./support/http.js";

describe("GET /meta", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it("answers without credentials, dated on the emulator's clock (what clients judge expiry by)", async () => {
    await new EmulatorAdmin(emulator.url).advanceClock(30 * 24 * 3600);
    for (const url of [`${emulator.apiUrl}/meta`, `${emulator.url}/meta`]) {
      const response = await call("GET", url);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ verifiable_password_authentication: false });
      const date = Date.parse(String(response.headers.date));
      expect(date - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    }
  });
});
