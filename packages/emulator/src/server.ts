import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { type ApiVersion, DEFAULT_API_VERSION } from "@ghes-oauth/github-contract";
import { adminRoutes } from "./admin/admin-routes.js";
import { tokenRoutes } from "./api/token-routes.js";
import { TokenService } from "./api/token-service.js";
import { Behaviour, type BehaviourInput } from "./behaviour/behaviour.js";
import { RateLimiter } from "./behaviour/rate-limiter.js";
import { createClock } from "./clock.js";
import { FaultInjector } from "./faults/fault-config.js";
import { resolveAdminToken } from "./http/admin-access.js";
import { declaresOversizedBody } from "./http/read-body.js";
import { DeviceAuthorizations } from "./oauth/device-authorizations.js";
import { GrantService } from "./oauth/grant-service.js";
import { oauthRoutes } from "./oauth/oauth-routes.js";
import { WebFlowCodes } from "./oauth/web-flow-codes.js";
import { BrowserSessions } from "./pages/browser-sessions.js";
import { pageRoutes } from "./pages/page-routes.js";
import { PermissionCatalogue } from "./permission-catalogue.js";
import type { EmulatorUrls } from "./render/urls.js";
import { createRequestListener } from "./request-listener.js";
import { RequestLog } from "./request-log.js";
import { SqliteStore } from "./store/sqlite-store.js";

export interface TlsOptions {
  /** PEM certificate (chain): its text, or a Buffer. */
  cert: string | Buffer;
  /** PEM private key: its text, or a Buffer. */
  key: string | Buffer;
}

export interface EmulatorOptions {
  /** TCP port; 0 or omitted picks a free one. */
  port?: number;
  /**
   * Interface to bind; 127.0.0.1 by default. Beyond loopback (`0.0.0.0`, `::`, a LAN address) the
   * /_emulator admin API, which mints live user tokens, requires an admin token (see adminToken).
   */
  host?: string;
  /**
   * Required as `Authorization: Bearer <token>` on every /_emulator request. Default: none on a
   * loopback host (the admin API is open to this machine), a generated one on any other host (read
   * it from the running emulator's `adminToken`).
   */
  adminToken?: string;
  /** SQLite file holding all state (created if missing); in memory when omitted. */
  dataFile?: string;
  /** Serve HTTPS with this certificate and key. */
  tls?: TlsOptions;
  /** Receives one access-log line per request (never a token or secret); silent when omitted. */
  log?: (line: string) => void;
  /**
   * The GitHub API description whose scoped-token permissions are served (`ghes-3.17`, `ghes-3.18`,
   * `ghes-3.19`, `api.github.com`); names it lacks are refused with a 422. Default: the newest GHES.
   */
  apiVersion?: ApiVersion;
  /**
   * What GitHub does not document (`scopedTokenExpiry`, `parentRefresh`) and its rate limits
   * (`rateLimit`, none by default); changeable later with `PUT /_emulator/behaviour`.
   */
  behaviour?: BehaviourInput;
}

export interface RunningEmulator {
  /** The REST API root, GHES style, e.g. `http://127.0.0.1:PORT/api/v3`. */
  apiUrl: string;
  /**
   * The origin, e.g. `http://127.0.0.1:PORT`: the web host, serving the OAuth endpoints under `/login/`;
   * the admin API lives at `${url}/_emulator`.
   */
  url: string;
  port: number;
  /** The API version served, e.g. `ghes-3.19`. */
  apiVersion: ApiVersion;
  /**
   * The token the admin API requires (`Authorization: Bearer <token>`), given or generated; undefined
   * when the admin API is open (a loopback host without a token given).
   */
  adminToken: string | undefined;
  /**
   * Where the server really listens, e.g. `http://0.0.0.0:PORT` or `http://[::]:PORT`; `url` is the
   * same place as a client reaches it (a wildcard bind is reached over loopback on this machine).
   */
  listenUrl: string;
  close(): Promise<void>;
}

const API_PREFIX = "/api/v3";

/** How clients reach `host`: a wildcard bind is reached over loopback. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  if (options.adminToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(options.adminToken)) {
    throw new Error("adminToken must be at least 16 printable characters without spaces");
  }
  const adminToken = resolveAdminToken(host, options.adminToken);
  const catalogue = new PermissionCatalogue(options.apiVersion ?? DEFAULT_API_VERSION);
  const store = new SqliteStore(options.dataFile ?? ":memory:");
  const clock = createClock(store.clockOffsetMs(), (offset) => store.setClockOffsetMs(offset));
  const urls: EmulatorUrls = { origin: "", apiUrl: "" };
  let behaviour: Behaviour;
  try {
    behaviour = new Behaviour(options.behaviour);
  } catch (error) {
    store.close();
    throw new Error(`behaviour: ${(error as Error).message}`);
  }
  const service = new TokenService(store, clock, urls, catalogue, behaviour);
  const faults = new FaultInjector();
  const requestLog = new RequestLog();
  const devices = new DeviceAuthorizations(clock);
  const webFlowCodes = new WebFlowCodes(clock);
  const grants = new GrantService(store, service, devices, webFlowCodes, urls);
  const listener = createRequestListener({
    apiRoutes: tokenRoutes(service),
    webRoutes: [
      ...oauthRoutes(grants),
      ...pageRoutes({ store, sessions: new BrowserSessions(urls), devices, webFlowCodes }),
    ],
    adminRoutes: adminRoutes({
      store,
      clock,
      service,
      faults,
      requestLog,
      devices,
      webFlowCodes,
      behaviour,
    }),
    faults,
    rateLimiter: new RateLimiter(behaviour, clock),
    requestLog,
    log: options.log,
    adminToken,
  });
  // Clients date token expiry from the `Date` header (Octokit does): it follows the emulator's clock.
  const listenerOnEmulatorTime: typeof listener = (req, res) => {
    if (clock.offsetMs() !== 0) res.setHeader("date", new Date(clock.now()).toUTCString());
    listener(req, res);
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listenerOnEmulatorTime)
    : createHttpServer(listenerOnEmulatorTime);
  // `Expect: 100-continue`: a client announcing an oversized body gets its 413 before sending it.
  server.on("checkContinue", (req, res) => {
    if (!declaresOversizedBody(req)) res.writeContinue();
    listenerOnEmulatorTime(req, res);
  });
  server.keepAliveTimeout = 5_000;
  // A client that stalls mid-request is cut off rather than holding a connection forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((error) => {
    store.close();
    throw error;
  });

  const { port, address } = server.address() as AddressInfo;
  const scheme = options.tls ? "https" : "http";
  urls.origin = `${scheme}://${urlHost(host)}:${port}`;
  urls.apiUrl = `${urls.origin}${API_PREFIX}`;

  let closing: Promise<void> | undefined;
  return {
    apiUrl: urls.apiUrl,
    url: urls.origin,
    port,
    apiVersion: catalogue.version,
    adminToken,
    listenUrl: `${scheme}://${address.includes(":") ? `[${address}]` : address}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Reads a TLS certificate and key from PEM files. */
export function readTlsFiles(certPath: string, keyPath: string): TlsOptions {
  return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
