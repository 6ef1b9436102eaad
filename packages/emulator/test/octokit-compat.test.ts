import {
  checkToken,
  createDeviceCode,
  deleteAuthorization,
  deleteToken,
  exchangeDeviceCode,
  exchangeWebFlowCode,
  refreshToken,
  resetToken,
  scopeToken,
} from "@octokit/oauth-methods";
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

  it("refreshToken rotates the pair: the used refresh token and the old access token stop working", async () => {
    const issued = await admin.issueUserToken({ client_id: app.client_id, login: "mona" });
    const { authentication } = await refreshToken({
      ...credentials(),
      refreshToken: issued.refresh_token ?? "",
    });
    expect(authentication.token).toMatch(/^ghu_/);
    expect(authentication.refreshToken).toMatch(/^ghr_/);
    expect(Date.parse(authentication.expiresAt) - Date.now()).toBeGreaterThan(7 * 3600_000);
    await expect(checkToken({ ...credentials(), token: issued.token })).rejects.toMatchObject({
      status: 404,
    });
    await expect(checkToken({ ...credentials(), token: authentication.token })).resolves.toBeTruthy();
    await expect(
      refreshToken({ ...credentials(), refreshToken: issued.refresh_token ?? "" }),
    ).rejects.toThrow(/bad_refresh_token/);
  });

  it("the device flow: createDeviceCode, approval in the browser, exchangeDeviceCode", async () => {
    const { data } = await createDeviceCode({ clientType: "github-app", clientId: app.client_id, request });
    expect(data.user_code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const exchange = () =>
      exchangeDeviceCode({
        clientType: "github-app",
        clientId: app.client_id,
        code: data.device_code,
        request,
      });
    await expect(exchange()).rejects.toThrow(/authorization_pending/);
    await admin.approveDeviceCode({ user_code: data.user_code, login: "mona" });
    await admin.advanceClock(data.interval);
    const { authentication } = await exchange();
    expect(authentication.token).toMatch(/^ghu_/);
    expect(authentication).toHaveProperty("refreshToken", expect.stringMatching(/^ghr_/));
    await expect(checkToken({ ...credentials(), token: authentication.token })).resolves.toBeTruthy();
  });

  it("exchangeWebFlowCode trades a single-use code for a token pair", async () => {
    const { code } = await admin.createWebFlowCode({ client_id: app.client_id, login: "mona" });
    const { authentication } = await exchangeWebFlowCode({ ...credentials(), code });
    expect(authentication.token).toMatch(/^ghu_/);
    expect(authentication).toHaveProperty("refreshToken", expect.stringMatching(/^ghr_/));
    await expect(exchangeWebFlowCode({ ...credentials(), code })).rejects.toThrow(/bad_verification_code/);
  });
});
