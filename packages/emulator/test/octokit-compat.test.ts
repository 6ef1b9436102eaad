import { checkToken, deleteAuthorization, deleteToken, resetToken, scopeToken } from "@octokit/oauth-methods";
import { request as octokitRequest } from "@octokit/request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatedApp, EmulatorAdmin, type RunningEmulator, startEmulator } from "../src/index.js";

// Octokit's own methods are an independent client of GitHub's API: the emulator must satisfy them as is.
describe("@octokit/oauth-methods against the emulator", () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let app: EmulatedApp;
  let request: typeof octokitRequest;

  beforeAll(async () => {
    emulator = await startEmulator();
    admin = new EmulatorAdmin(emulator.url);
    await admin.createAccount({ login: "octo-org", type: "Organization", repositories: ["api", "web"] });
    await admin.createAccount({ login: "mona" });
    app = await admin.createApp({
      name: "octokit-compat",
      permissions: { contents: "write", issues: "read" },
    });
    await admin.createInstallation({ client_id: app.client_id, account: "octo-org", repositories: "all" });
    request = octokitRequest.defaults({ baseUrl: emulator.apiUrl });
  });
  afterAll(() => emulator.close());

  const credentials = () => ({
    clientType: "github-app" as const,
    clientId: app.client_id,
    clientSecret: app.client_secret,
    request,
  });
  const userToken = async () =>
    (await admin.issueUserToken({ client_id: app.client_id, login: "mona" })).token;

  it("checkToken returns the authorization and the token's expiry", async () => {
    const token = await userToken();
    const { data, authentication } = await checkToken({ ...credentials(), token });
    expect(data.user?.login).toBe("mona");
    expect(authentication.token).toBe(token);
    expect(authentication).toHaveProperty("expiresAt", data.expires_at);
  });

  it("resetToken returns a new token and the old one stops working", async () => {
    const token = await userToken();
    const { authentication } = await resetToken({ ...credentials(), token });
    expect(authentication.token).not.toBe(token);
    await expect(checkToken({ ...credentials(), token })).rejects.toMatchObject({ status: 404 });
    await expect(checkToken({ ...credentials(), token: authentication.token })).resolves.toBeTruthy();
  });

  it("scopeToken mints a new token limited to the target and permissions", async () => {
    const token = await userToken();
    const { data, authentication } = await scopeToken({
      ...credentials(),
      token,
      target: "octo-org",
      repositories: ["api"],
      permissions: { contents: "read" },
    });
    expect(authentication.token).not.toBe(token);
    expect(data.installation?.permissions).toMatchObject({ contents: "read" });
    expect(data.installation?.repository_selection).toBe("selected");
    await expect(checkToken({ ...credentials(), token })).resolves.toBeTruthy();
  });

  it("deleteToken revokes one token; deleteAuthorization revokes the whole grant", async () => {
    const first = await userToken();
    const second = await userToken();
    expect((await deleteToken({ ...credentials(), token: first })).status).toBe(204);
    await expect(checkToken({ ...credentials(), token: first })).rejects.toMatchObject({ status: 404 });
    await expect(checkToken({ ...credentials(), token: second })).resolves.toBeTruthy();
    expect((await deleteAuthorization({ ...credentials(), token: second })).status).toBe(204);
    await expect(checkToken({ ...credentials(), token: second })).rejects.toMatchObject({ status: 404 });
  });

  it("a wrong client secret is a 404, as on GitHub", async () => {
    const token = await userToken();
    await expect(
      checkToken({ ...credentials(), clientSecret: "not-the-secret", token }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("the Date header follows the emulator's clock, so Octokit dates expiry as the emulator does", async () => {
    await admin.advanceClock(3600);
    const token = await userToken();
    const { headers, data } = await checkToken({ ...credentials(), token });
    const serverNow = Date.parse(headers.date ?? "");
    const expiresAt = Date.parse(data.expires_at ?? "");
    // Issued at the emulator's "now": 8 hours ahead of its own Date header, not 9 of the machine's.
    expect(Math.round((expiresAt - serverNow) / 60_000)).toBe(8 * 60);
  });
});
