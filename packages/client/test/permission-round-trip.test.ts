import { startSeededEmulator } from "@ghes-oauth/emulator/testing";
import {
  API_VERSIONS,
  type ApiVersion,
  type PermissionLevel,
  permissionLevels,
  permissionNamesOf,
} from "@ghes-oauth/github-contract";
import { OpenApiContract } from "@ghes-oauth/github-contract-generator";
import { Pool } from "undici";
import { describe, expect, it } from "vitest";
import { OAuthAppClient, type Permissions } from "../src/index.js";
import { type RecordedExchange, recordingInterceptor } from "./support/recording-interceptor.js";

/** Permission/level pairs of each version, counted by hand from the descriptions' enums. */
const PAIRS: Record<ApiVersion, number> = {
  "ghes-3.17": 109,
  "ghes-3.18": 109,
  "ghes-3.19": 113,
  "api.github.com": 110,
};

describe.each(API_VERSIONS)("every permission of %s at every level it allows", (version) => {
  it("is accepted by the client, fits the description and is granted by the emulator", async () => {
    const names = permissionNamesOf(version);
    const highest: Record<string, PermissionLevel> = Object.fromEntries(
      names.map((name) => [name, permissionLevels(name).at(-1) as PermissionLevel]),
    );
    const emulator = await startSeededEmulator({
      apiVersion: version,
      world: {
        org: { login: "octo-org", repositories: ["api"] },
        app: { name: "Everything", permissions: highest },
        installation: { permissions: highest },
      },
    });
    const { app } = emulator;
    const { token } = emulator.userToken;
    const log: RecordedExchange[] = [];
    const pool = new Pool(new URL(emulator.apiUrl).origin);
    const contract = new OpenApiContract(version).operation("apps/scope-token");
    try {
      const client = new OAuthAppClient({
        baseUrl: emulator.apiUrl,
        clientId: app.client_id,
        clientSecret: app.client_secret,
        dispatcher: pool.compose(recordingInterceptor(log)),
        retry: false,
      });

      let pairs = 0;
      for (const name of names) {
        for (const level of permissionLevels(name)) {
          const permissions = { [name]: level } as Permissions;
          const scoped = await client.scopeToken({ accessToken: token, target: "octo-org", permissions });
          expect(scoped.installation.permissions, `${name}: ${level}`).toEqual(permissions);
          const exchange = log.at(-1) as RecordedExchange;
          expect(
            contract.request?.(JSON.parse(exchange.requestBody ?? "null")),
            `${name}: ${level} request`,
          ).toBe(true);
          expect(contract.responses.get(200)?.(JSON.parse(exchange.responseBody)), `${name}: ${level}`).toBe(
            true,
          );
          pairs++;
        }
      }
      expect(pairs).toBe(PAIRS[version]);
      expect(log).toHaveLength(pairs);
      await client.close();
    } finally {
      await pool.close();
      await emulator.close();
    }
  });
});
