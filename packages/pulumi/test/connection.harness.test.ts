import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { scopedTokenContract, secretInputs } from "../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { Lifecycle, providerProcess } from "./support/lifecycle.js";

const scopedCount = async (world: EmulatorWorld) =>
  (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped).length;

const ENV_KEYS = ["GHES_OAUTH_BASE_URL", "GHES_OAUTH_CLIENT_ID", "GHES_OAUTH_CLIENT_SECRET"] as const;

// The provider process's environment is this test process's (each file runs in its own process).
function setEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, values);
}

describe("where a ScopedToken's connection comes from", () => {
  let world: EmulatorWorld;

  beforeAll(async () => {
    world = await startEmulatorWorld();
  });

  afterEach(() => setEnv({}));

  afterAll(async () => {
    await world?.close();
  });

  const scopedToken = (config: Record<string, { value: string }> = {}) =>
    new Lifecycle(providerProcess("provider-runtime", config), {
      secretInputs: secretInputs(scopedTokenContract),
    });
  const inputs = (extra: Record<string, unknown> = {}) => ({
    accessToken: world.userToken,
    target: "acme",
    permissions: { contents: "read" },
    ...extra,
  });

  /** One token: up mints it with the connection under test, destroy revokes it with the same. */
  async function expectMintsAndRevokes(lifecycle: Lifecycle, args: Record<string, unknown>) {
    const up = await lifecycle.up(args);
    expect(up.plan).toBe("create");
    expect(await scopedCount(world)).toBe(1);
    await lifecycle.destroy();
    expect(await scopedCount(world)).toBe(0);
  }

  it("falls back to GHES_OAUTH_* in the environment when there is no argument and no stack config", async () => {
    setEnv({
      GHES_OAUTH_BASE_URL: world.emulator.apiUrl,
      GHES_OAUTH_CLIENT_ID: world.app.client_id,
      GHES_OAUTH_CLIENT_SECRET: world.app.client_secret,
    });
    await expectMintsAndRevokes(scopedToken(), inputs());
  });

  it("prefers the connection argument over stack config, field for field over the environment", async () => {
    setEnv({ GHES_OAUTH_CLIENT_SECRET: "1".repeat(40) });
    const config = { ...world.connectionConfig, "ghes-oauth:clientSecret": { value: "0".repeat(40) } };
    const connection = {
      baseUrl: world.emulator.apiUrl,
      clientId: world.app.client_id,
      clientSecret: world.app.client_secret,
    };
    await expectMintsAndRevokes(scopedToken(config), inputs({ connection }));
  });

  it("a change of the connection argument alone updates state in place without calling the API", async () => {
    const connection = (baseUrl: string) => ({
      baseUrl,
      clientId: world.app.client_id,
      clientSecret: world.app.client_secret,
    });
    const lifecycle = scopedToken();
    const first = await lifecycle.up(inputs({ connection: connection(world.emulator.apiUrl) }));
    await world.admin.clearRequests();

    const moved = await lifecycle.up(inputs({ connection: connection(`${world.emulator.apiUrl}/`) }));
    expect(moved.plan).toBe("update");
    expect(moved.outs.token).toBe(first.outs.token);
    expect((await world.admin.requests()).filter((r) => r.path.includes("/applications/"))).toEqual([]);

    await lifecycle.destroy();
    expect(await scopedCount(world)).toBe(0);
  });

  it("stack config wins over the environment, so a wrong secret there is caught at apply", async () => {
    setEnv({ GHES_OAUTH_CLIENT_SECRET: world.app.client_secret });
    const config = { ...world.connectionConfig, "ghes-oauth:clientSecret": { value: "0".repeat(40) } };
    const failure = await scopedToken(config)
      .up(inputs())
      .catch((error: Error) => error);
    expect(String((failure as Error).message)).toMatch(/404 Not Found.*wrong client ID or secret/s);
    expect(String((failure as Error).message)).not.toContain("0".repeat(40));
    expect(await scopedCount(world)).toBe(0);
  });
});
