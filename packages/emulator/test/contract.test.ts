import { API_VERSIONS, type ApiVersion } from "@ghes-oauth/github-contract";
import { OpenApiContract } from "@ghes-oauth/github-contract-generator";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CallResult } from "./support/http.js";
import { type App, standardWorld, TestEmulator } from "./support/world.js";

let contract: OpenApiContract;
let emulator: TestEmulator;
let app: App;
let token: string;

function expectConforms(operationId: string, result: CallResult) {
  expect(contract.statuses(operationId), `${operationId} documents ${result.status}`).toContain(
    String(result.status),
  );
  const validate = contract.responseValidator(operationId, result.status);
  if (validate === null) {
    expect(result.text).toBe("");
    return;
  }
  expect(result.headers["content-type"]).toMatch(/^application\/json/);
  const valid = validate(result.body);
  expect(validate.errors ?? [], `${operationId} ${result.status}: ${result.text}`).toEqual([]);
  expect(valid).toBe(true);
}

/** Sends `body` after checking it fits the operation's requestBody schema. */
async function send(
  operationId: string,
  method: string,
  path: string,
  body: Record<string, unknown>,
  as?: App,
) {
  const validate = contract.requestValidator(operationId);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return emulator.api(method, path, as, { json: body });
}

describe.each(API_VERSIONS)("GitHub's %s OpenAPI description", (version: ApiVersion) => {
  beforeAll(() => {
    contract = new OpenApiContract(version);
  });

  beforeEach(async () => {
    emulator = await TestEmulator.start({ apiVersion: version });
    ({ app, token } = await standardWorld(emulator));
  });

  afterEach(() => emulator.close());

  it("serves each of the five operations at the route the description gives", async () => {
    expect(contract.file.endsWith(`${version}.json`)).toBe(true);
    const operations = [
      "apps/check-token",
      "apps/reset-token",
      "apps/delete-token",
      "apps/delete-authorization",
      "apps/scope-token",
    ];
    for (const operationId of operations) {
      const [method, template] = contract.route(operationId).split(" ") as [string, string];
      const path = template.replace("{client_id}", app.client_id);
      // An empty body is a 422 at a served route; a route the emulator does not serve is a 404.
      const result = await emulator.api(method.toUpperCase(), path, app, { json: {} });
      expect(result.status, `${operationId}: ${method} ${template}`).toBe(422);
      expectConforms(operationId, result);
    }
  });

  it("the validator rejects what does not fit (so passing means something)", () => {
    const validate = contract.responseValidator("apps/check-token", 200);
    expect(validate?.({ id: "1", token: 5 })).toBe(false);
    const request = contract.requestValidator("apps/scope-token");
    expect(request({ target: "acme" })).toBe(false);
  });

  it("apps/check-token: 200, 404, 422", async () => {
    const path = `/applications/${app.client_id}/token`;
    const real = (await emulator.api("POST", path, app, { json: { access_token: token } })).body;
    const validate = contract.responseValidator("apps/check-token", 200);
    expect(validate?.({ ...real, created_at: "yesterday" }), "formats are enforced").toBe(false);
    delete real.user.gravatar_id;
    expect(validate?.(real), "a user without gravatar_id is not a simple-user").toBe(false);
    expectConforms(
      "apps/check-token",
      await send("apps/check-token", "POST", path, { access_token: token }, app),
    );
    expectConforms(
      "apps/check-token",
      await send("apps/check-token", "POST", path, { access_token: "x" }, app),
    );
    expectConforms("apps/check-token", await emulator.api("POST", path, app, { json: {} }));
  });

  it("apps/reset-token: 200, 422", async () => {
    const path = `/applications/${app.client_id}/token`;
    expectConforms(
      "apps/reset-token",
      await send("apps/reset-token", "PATCH", path, { access_token: token }, app),
    );
    expectConforms("apps/reset-token", await emulator.api("PATCH", path, app, { json: { access_token: 1 } }));
  });

  it("apps/delete-token: 204, 422", async () => {
    const path = `/applications/${app.client_id}/token`;
    expectConforms(
      "apps/delete-token",
      await send("apps/delete-token", "DELETE", path, { access_token: token }, app),
    );
    expectConforms("apps/delete-token", await emulator.api("DELETE", path, app, { json: {} }));
  });

  it("apps/delete-authorization: 204, 422", async () => {
    const path = `/applications/${app.client_id}/grant`;
    expectConforms(
      "apps/delete-authorization",
      await send("apps/delete-authorization", "DELETE", path, { access_token: token }, app),
    );
    expectConforms("apps/delete-authorization", await emulator.api("DELETE", path, app, { json: {} }));
  });

  it("apps/scope-token: 200 (scoped installation), 401, 404, 422", async () => {
    const path = `/applications/${app.client_id}/token/scoped`;
    const body = {
      access_token: token,
      target: "acme",
      repositories: ["api"],
      permissions: { metadata: "read", issues: "read", contents: "read" },
    };
    const ok = await send("apps/scope-token", "POST", path, body, app);
    expect(ok.body.installation).toBeDefined();
    expectConforms("apps/scope-token", ok);
    expectConforms("apps/scope-token", await send("apps/scope-token", "POST", path, body, undefined));
    expectConforms(
      "apps/scope-token",
      await send("apps/scope-token", "POST", path, { ...body, access_token: "x" }, app),
    );
    expectConforms(
      "apps/scope-token",
      await send("apps/scope-token", "POST", path, { ...body, permissions: { issues: "write" } }, app),
    );
    const checked = await emulator.api("POST", `/applications/${app.client_id}/token`, app, {
      json: { access_token: ok.body.token },
    });
    expectConforms("apps/check-token", checked);
  });

  it("the abuse-throttling 422 fits validation-error", async () => {
    await emulator.control.setFaults({ status: 422 });
    const path = `/applications/${app.client_id}/token`;
    const result = await emulator.api("POST", path, app, { json: { access_token: token } });
    expect(result.status).toBe(422);
    expectConforms("apps/check-token", result);
  });
});
