import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedTokenContract, secretInputs } from "../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { Lifecycle, providerProcess } from "./support/lifecycle.js";

const NINE_HOURS = 9 * 60 * 60;

describe("expired tokens", () => {
  let world: EmulatorWorld;
  let client: OAuthAppClient;
  let lifecycle: Lifecycle;

  beforeAll(async () => {
    world = await startEmulatorWorld();
    client = new OAuthAppClient(world.connection);
    // The connection comes from stack config, as the provider's configure hands it over.
    lifecycle = new Lifecycle(providerProcess("provider-runtime", world.connectionConfig), {
      secretInputs: secretInputs(scopedTokenContract),
    });
  });

  afterAll(async () => {
    await client?.close();
    await world?.close();
  });

  const inputs = (accessToken: string) => ({
    accessToken,
    target: "acme",
    permissions: { contents: "read" },
  });

  it("refresh notices a token past its expiry and up mints a new one", async () => {
    const first = await lifecycle.up(inputs(world.userToken));
    const expiresAt = Date.parse(String(first.outs.expiresAt));
    expect(expiresAt - Date.now()).toBeGreaterThan(7 * 3600 * 1000);

    await world.admin.advanceClock(NINE_HOURS);
    await expect(client.checkToken(String(first.outs.token))).rejects.toBeInstanceOf(NotFoundError);
    expect(await lifecycle.refresh()).toBe("dropped");

    // The user's own token expired too: the web flow would issue a new one.
    const userToken = (await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" }))
      .token;
    const second = await lifecycle.up(inputs(userToken));
    expect(second.plan).toBe("create");
    expect(second.outs.token).not.toBe(first.outs.token);
    await expect(client.checkToken(String(second.outs.token))).resolves.toBeDefined();
    expect(Date.parse(String(second.outs.expiresAt))).toBeGreaterThan(expiresAt);
  });
});
