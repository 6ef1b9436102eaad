import type { z } from "zod";
import { parseBody } from "../api/request-schemas.js";
import type { TokenService } from "../api/token-service.js";
import { type Behaviour, behaviourSchema } from "../behaviour/behaviour.js";
import { type Clock, githubTimestamp } from "../clock.js";
import { newClientId, newClientSecret, sha256Hex } from "../credentials.js";
import { type ApiError, notFound, type ValidationProblem, validationFailed } from "../errors.js";
import { type FaultInjector, faultConfigSchema } from "../faults/fault-config.js";
import { DOCUMENTATION_URLS } from "../http/documentation-urls.js";
import type { Exchange, Route } from "../http/exchange.js";
import type { Account, Repository } from "../model.js";
import type { DeviceAuthorizations } from "../oauth/device-authorizations.js";
import type { WebFlowCodes } from "../oauth/web-flow-codes.js";
import { isWithin, type PermissionName } from "../permissions.js";
import type { RequestLog } from "../request-log.js";
import type { Store } from "../store/store.js";
import {
  clockBody,
  deviceApprovalBody,
  newAccountBody,
  newAppBody,
  newInstallationBody,
  newTokenBody,
  newWebFlowCodeBody,
} from "./admin-schemas.js";

const DOCS = DOCUMENTATION_URLS.root;

export interface AdminDependencies {
  store: Store;
  clock: Clock;
  service: TokenService;
  faults: FaultInjector;
  requestLog: RequestLog;
  devices: DeviceAuthorizations;
  webFlowCodes: WebFlowCodes;
  behaviour: Behaviour;
}

/** The request body parsed by `schema`, or a 422 naming what is wrong. */
async function body<T>(exchange: Exchange, schema: z.ZodType<T>, resource: string): Promise<T> {
  const parsed = parseBody(schema, await exchange.jsonBody(DOCS), resource);
  if (!parsed.ok) throw validationFailed(DOCS, parsed.problems);
  return parsed.value;
}

function invalid(resource: string, field: string, message: string, code = "invalid"): ApiError {
  return validationFailed(DOCS, [{ resource, field, code, message }]);
}

function repositoriesView(repositories: Repository[]) {
  return repositories.map(({ id, name }) => ({ id, name }));
}

function accountView(account: Account) {
  return { id: account.id, login: account.login, type: account.type };
}

/** The user account `login`, as an app's authorizing user; a 422 on `resource` otherwise. */
function authorizingUser(store: Store, login: string, resource: string): Account {
  const user = store.findAccountByLogin(login);
  if (!user) throw invalid(resource, "login", `no account ${login}`);
  if (user.type !== "User") throw invalid(resource, "login", "only a User can authorize an app");
  return user;
}

/** The emulator's own JSON API under /_emulator: set up state, inject faults, move the clock. No auth. */
export function adminRoutes({
  store,
  clock,
  service,
  faults,
  requestLog,
  devices,
  webFlowCodes,
  behaviour,
}: AdminDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/_emulator\/behaviour$/,
      handler: () => ({ status: 200, body: behaviour.settings }),
    },
    {
      method: "PUT",
      pattern: /^\/_emulator\/behaviour$/,
      handler: async (exchange) => ({
        status: 200,
        body: behaviour.apply(await body(exchange, behaviourSchema, "Behaviour")),
      }),
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/accounts$/,
      handler: async (exchange) => {
        const input = await body(exchange, newAccountBody, "Account");
        if (store.findAccountByLogin(input.login)) {
          throw invalid("Account", "login", `${input.login} already exists`, "already_exists");
        }
        const unique = [...new Set(input.repositories.map((name) => name.toLowerCase()))];
        if (unique.length !== input.repositories.length) {
          throw invalid("Account", "repositories", "repository names must be unique");
        }
        const account = store.createAccount({ ...input, createdAt: clock.now() });
        return {
          status: 201,
          body: {
            ...accountView(account),
            repositories: repositoriesView(store.listRepositories(account.id)),
          },
        };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/apps$/,
      handler: async (exchange) => {
        const input = await body(exchange, newAppBody(service.catalogue), "App");
        const clientSecret = newClientSecret();
        const app = store.createApp({
          name: input.name,
          slug: input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
          clientId: newClientId(),
          secretHash: sha256Hex(clientSecret),
          permissions: input.permissions ?? service.catalogue.highestLevels(),
          // OAuth apps' tokens never expire and come without refresh tokens.
          expiringUserTokens: input.kind === "oauth-app" ? false : input.expiringUserTokens,
          kind: input.kind,
          deviceFlow: input.deviceFlow,
          callbackUrls: input.callbackUrls,
          createdAt: clock.now(),
        });
        return {
          status: 201,
          body: {
            id: app.id,
            name: app.name,
            client_id: app.clientId,
            client_secret: clientSecret,
            permissions: app.permissions,
            expiring_user_tokens: app.expiringUserTokens,
            kind: app.kind,
            device_flow: app.deviceFlow,
            callback_urls: app.callbackUrls,
          },
        };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/apps\/([^/]+)\/client-secret$/,
      handler: (_exchange, [clientId]) => {
        const app = store.findAppByClientId(clientId ?? "");
        if (!app) throw notFound();
        return {
          status: 201,
          body: { client_id: app.clientId, client_secret: service.rotateClientSecret(app) },
        };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/installations$/,
      handler: async (exchange) => {
        const input = await body(exchange, newInstallationBody(service.catalogue), "Installation");
        const app = store.findAppByClientId(input.client_id);
        if (!app) throw invalid("Installation", "client_id", "no app has this client_id");
        const account = store.findAccountByLogin(input.account);
        if (!account) throw invalid("Installation", "account", `no account ${input.account}`);
        if (store.findInstallation(app.id, account.id)) {
          throw invalid("Installation", "account", "the app is already installed there", "already_exists");
        }
        const permissions = input.permissions ?? app.permissions;
        const beyond: ValidationProblem[] = Object.entries(permissions)
          .filter(([name, level]) => level && !isWithin(level, app.permissions[name as PermissionName]))
          .map(([name, level]) => ({
            resource: "Installation",
            field: "permissions",
            code: "invalid",
            message: `${name}:${level} is beyond the app's permissions`,
          }));
        if (beyond.length > 0) throw validationFailed(DOCS, beyond);
        const owned = store.listRepositories(account.id);
        let selected: Repository[] = [];
        if (input.repositories !== "all") {
          for (const name of input.repositories) {
            const found = owned.find((repository) => repository.name.toLowerCase() === name.toLowerCase());
            if (!found)
              throw invalid("Installation", "repositories", `${account.login} has no repository ${name}`);
            if (!selected.includes(found)) selected = [...selected, found];
          }
        }
        const installation = store.createInstallation({
          appId: app.id,
          accountId: account.id,
          permissions,
          repositorySelection: input.repositories === "all" ? "all" : "selected",
          repositoryIds: selected.map((repository) => repository.id),
          createdAt: clock.now(),
        });
        return {
          status: 201,
          body: {
            id: installation.id,
            client_id: app.clientId,
            account: accountView(account),
            repository_selection: installation.repositorySelection,
            repositories: repositoriesView(input.repositories === "all" ? owned : selected),
            permissions: installation.permissions,
          },
        };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/tokens$/,
      handler: async (exchange) => {
        const input = await body(exchange, newTokenBody, "Token");
        const app = store.findAppByClientId(input.client_id);
        if (!app) throw invalid("Token", "client_id", "no app has this client_id");
        if (input.scopes && app.kind !== "oauth-app")
          throw invalid("Token", "scopes", "only an OAuth app's tokens have OAuth scopes");
        return {
          status: 201,
          body: service.issue(app, authorizingUser(store, input.login, "Token"), input.scopes),
        };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/device-flow\/approve$/,
      handler: async (exchange) => {
        const input = await body(exchange, deviceApprovalBody, "DeviceAuthorization");
        const authorization = devices.findByUserCode(input.user_code);
        if (!authorization) throw notFound();
        if (devices.isExpired(authorization)) {
          throw invalid("DeviceAuthorization", "user_code", "the user code has expired", "expired");
        }
        if (authorization.status !== "pending") {
          throw invalid("DeviceAuthorization", "user_code", `the code was already ${authorization.status}`);
        }
        const user = authorizingUser(store, input.login, "DeviceAuthorization");
        authorization.status = input.deny ? "denied" : "approved";
        authorization.userId = user.id;
        return { status: 200, body: { user_code: authorization.userCode, status: authorization.status } };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/web-flow\/codes$/,
      handler: async (exchange) => {
        const input = await body(exchange, newWebFlowCodeBody, "WebFlowCode");
        const app = store.findAppByClientId(input.client_id);
        if (!app) throw invalid("WebFlowCode", "client_id", "no app has this client_id");
        const user = authorizingUser(store, input.login, "WebFlowCode");
        return {
          status: 201,
          body: {
            code: webFlowCodes.create(
              app.id,
              user.id,
              input.redirect_uri ?? null,
              input.code_challenge ?? null,
            ),
          },
        };
      },
    },
    {
      method: "GET",
      pattern: /^\/_emulator\/tokens$/,
      handler: (exchange) => {
        const clientId = exchange.query.get("client_id");
        if (!clientId) throw invalid("Token", "client_id", "the client_id query parameter is required");
        const app = store.findAppByClientId(clientId);
        if (!app) throw notFound();
        return { status: 200, body: service.liveTokens(app) };
      },
    },
    {
      method: "GET",
      pattern: /^\/_emulator\/faults$/,
      handler: () => ({ status: 200, body: faults.config }),
    },
    {
      method: "PUT",
      pattern: /^\/_emulator\/faults$/,
      handler: async (exchange) => {
        faults.set(await body(exchange, faultConfigSchema, "Fault"));
        return { status: 200, body: faults.config };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/_emulator\/faults$/,
      handler: () => {
        faults.clear();
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/clock$/,
      handler: async (exchange) => {
        const input = await body(exchange, clockBody, "Clock");
        clock.advance(Math.round(input.advanceSeconds * 1000));
        return {
          status: 200,
          body: { now: githubTimestamp(clock.now()), offsetSeconds: clock.offsetMs() / 1000 },
        };
      },
    },
    {
      method: "GET",
      pattern: /^\/_emulator\/requests$/,
      handler: () => ({ status: 200, body: requestLog.list() }),
    },
    {
      method: "DELETE",
      pattern: /^\/_emulator\/requests$/,
      handler: () => {
        requestLog.clear();
        return { status: 204 };
      },
    },
  ];
}
