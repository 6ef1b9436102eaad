import { randomBytes } from "node:crypto";
import {
  createPkcePair,
  createWebFlowUrl,
  type OAuthAppClient,
  type UserTokenGrant,
} from "@ghes-oauth/client";
import type { Connection } from "../connection/connection.js";
import type { Io } from "../io.js";
import { Spinner } from "../terminal/spinner.js";
import { terminalSafe } from "../terminal/terminal-safe.js";
import { startLoopbackCallback } from "./loopback-callback.js";
import { browserCommand, openBrowser } from "./open-browser.js";

/** GitHub's web-flow codes live 10 minutes; nobody comes back after that. */
const WAIT_LIMIT_MS = 10 * 60 * 1000;

/** A web-flow sign-in that did not come to a code; `message` says why and what to do. */
export class WebFlowFailure extends Error {
  override readonly name = "WebFlowFailure";
  constructor(
    message: string,
    /** The OAuth error the browser came back with, e.g. `access_denied`. */
    readonly oauthError?: string,
  ) {
    super(message);
  }
}

/**
 * Opens `url` in the person's browser when there is a way to, and says so; otherwise says to open it by
 * hand, unless `alreadyShown` (the device flow's first line names the address already).
 */
export async function offerInBrowser(
  io: Io,
  url: string,
  open: boolean,
  alreadyShown = false,
): Promise<void> {
  // The device page's address comes from the server: only a web address is handed to a browser.
  const command = open && isWebAddress(url) ? browserCommand(io.env) : undefined;
  const shown = terminalSafe(url);
  if (command !== undefined && (await openBrowser(command, url, io.env))) {
    io.stderr.write(`Opened ${shown} in your browser (if it did not appear, open that address yourself)\n`);
  } else if (!alreadyShown) {
    io.stderr.write(`Open ${shown} in your browser\n`);
  }
}

function isWebAddress(url: string): boolean {
  return URL.canParse(url) && ["http:", "https:"].includes(new URL(url).protocol);
}

/**
 * The web application flow with PKCE: a one-shot callback server on a loopback port, the authorize URL
 * (state, S256 challenge) opened in the browser or printed, the state checked when the browser comes
 * back, then the code exchanged with its verifier.
 */
export async function runWebFlow(
  io: Io,
  client: OAuthAppClient,
  connection: Connection,
  options: { open: boolean },
): Promise<UserTokenGrant> {
  const state = randomBytes(32).toString("base64url");
  const pkce = createPkcePair();
  const callback = await startLoopbackCallback(state);
  try {
    const url = createWebFlowUrl({
      baseUrl: connection.baseUrl,
      clientId: connection.clientId,
      redirectUri: callback.redirectUri,
      state,
      codeChallenge: pkce.codeChallenge,
    });
    await offerInBrowser(io, url, options.open);
    const waiting = `Waiting for the browser to come back to ${callback.redirectUri}`;
    const spinner = io.stderr.isTTY ? new Spinner(io.stderr, waiting) : undefined;
    if (!spinner) io.stderr.write(`${waiting}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new WebFlowFailure("the browser did not come back within 10 minutes; run login again")),
        WAIT_LIMIT_MS,
      );
      timer.unref();
    });
    const result = await Promise.race([callback.result, timeout]).finally(() => clearTimeout(timer));
    if (result.kind === "state-mismatch") {
      spinner?.stop("Not signed in.");
      throw new WebFlowFailure(
        "the browser came back with a state that is not this sign-in's (another sign-in, or a forged link); run login again",
      );
    }
    if (result.kind === "error") {
      spinner?.stop("Not authorized.");
      throw new WebFlowFailure(result.description ?? result.error, result.error);
    }
    spinner?.stop("Authorized.");
    return await client.exchangeWebFlowCode({
      code: result.code,
      redirectUri: callback.redirectUri,
      codeVerifier: pkce.codeVerifier,
    });
  } finally {
    await callback.close();
  }
}
