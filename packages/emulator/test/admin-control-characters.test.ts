import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, TestEmulator } from "./support/world.js";

let emulator: TestEmulator;
let app: App;

beforeEach(async () => {
  emulator = await TestEmulator.start();
  await emulator.account("octocat");
  await emulator.account("acme", "Organization", ["api"]);
  app = await emulator.app("deployer");
});

afterEach(() => emulator.close());

/** NUL, BEL, tab, LF, CR, ESC, DEL, NEL (C1), CSI (C1). */
const CONTROL_CHARACTERS = ["\u0000", "\u0007", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009b"];

interface Field {
  method: string;
  route: string;
  field: string;
  /** A valid body with `bad` placed in the field under test. */
  body: (bad: (valid: string) => string) => Record<string, unknown>;
}

const FIELDS = (): Field[] => [
  { method: "POST", route: "/accounts", field: "login", body: (bad) => ({ login: bad("newuser") }) },
  {
    method: "POST",
    route: "/accounts",
    field: "repositories.0",
    body: (bad) => ({ login: "neworg", type: "Organization", repositories: [bad("repo")] }),
  },
  { method: "POST", route: "/apps", field: "name", body: (bad) => ({ name: bad("my app") }) },
  {
    method: "POST",
    route: "/installations",
    field: "client_id",
    body: (bad) => ({ client_id: bad(app.client_id), account: "acme" }),
  },
  {
    method: "POST",
    route: "/installations",
    field: "account",
    body: (bad) => ({ client_id: app.client_id, account: bad("acme") }),
  },
  {
    method: "POST",
    route: "/installations",
    field: "repositories.0",
    body: (bad) => ({ client_id: app.client_id, account: "acme", repositories: [bad("api")] }),
  },
  {
    method: "POST",
    route: "/tokens",
    field: "client_id",
    body: (bad) => ({ client_id: bad(app.client_id), login: "octocat" }),
  },
  {
    method: "POST",
    route: "/tokens",
    field: "login",
    body: (bad) => ({ client_id: app.client_id, login: bad("octocat") }),
  },
  { method: "PUT", route: "/faults", field: "path", body: (bad) => ({ status: 503, path: bad("/token") }) },
  {
    method: "PUT",
    route: "/faults",
    field: "pathPattern",
    body: (bad) => ({ status: 503, pathPattern: bad("**/token") }),
  },
];

describe("admin input: control characters are refused with a 422 naming the field", () => {
  it("in every string field, at the start, middle and end, for each control character", async () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const { method, route, field, body } of FIELDS()) {
      for (const character of CONTROL_CHARACTERS) {
        for (const place of [
          (valid: string) => `${character}${valid}`,
          (valid: string) => `${valid.slice(0, 2)}${character}${valid.slice(2)}`,
          (valid: string) => `${valid}${character}`,
        ]) {
          tried++;
          const result = await emulator.admin(method, route, body(place));
          const named = result?.errors?.some(
            (error: { field?: string; message?: string }) =>
              error.field === field && /control characters/.test(error.message ?? ""),
          );
          if (result?.message !== "Validation Failed" || !named) {
            accepted.push(`${method} ${route} ${field} U+${character.codePointAt(0)?.toString(16)}`);
          }
        }
      }
    }
    expect(tried).toBe(FIELDS().length * CONTROL_CHARACTERS.length * 3);
    expect(accepted).toEqual([]);
    expect(await emulator.admin("GET", "/faults", undefined, 200)).toEqual({});
  });

  it("other characters beyond ASCII are still welcome in an app name", async () => {
    const created = await emulator.admin("POST", "/apps", { name: "Déployeur ✓ 部署" }, 201);
    expect(created.name).toBe("Déployeur ✓ 部署");
  });
});
