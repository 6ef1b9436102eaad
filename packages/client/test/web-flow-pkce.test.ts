import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPkcePair,
  createWebFlowUrl,
  InvalidInputError,
  OAuthAppClient,
  OAuthError,
} from "../src/index.js";
import { pkceChallengeOf } from "../src/request/index.js";
import { CLIENT_WORLD } from "./support/fixtures.js";

let emulator: SeededEmulator;
let client: OAuthAppClient;

beforeAll(async () => {
  emulator = await startSeededEmulator({ world: CLIENT_WORLD });
  client = new OAuthAppClient(emulator.connection);
});
afterAll(async () => {
  await client?.close();
  await emulator?.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => error,
  );
}

const STATE = "9c3b1f0e2d8a4c6b7e5f";

describe("createPkcePair", () => {
  it("makes a fresh RFC 7636 verifier and its S256 challenge every time", () => {
    const pair = createPkcePair();
    expect(pair.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.codeChallengeMethod).toBe("S256");
    // RFC 7636 appendix B's example.
    expect(pkceChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
    expect(createPkcePair().codeVerifier).not.toBe(pair.codeVerifier);
  });
});

describe("createWebFlowUrl", () => {
  it("builds the authorize URL on the web host, with PKCE and the optional parameters", () => {
    const url = new URL(
      createWebFlowUrl({
        baseUrl: "https://github.example.com/api/v3",
        clientId: "Iv1.abc",
        redirectUri: "http://127.0.0.1:8123/callback",
        state: STATE,
        codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        login: "octocat",
        allowSignup: false,
        prompt: "select_account",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://github.example.com/login/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "Iv1.abc",
      redirect_uri: "http://127.0.0.1:8123/callback",
      state: STATE,
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      login: "octocat",
      allow_signup: "false",
      prompt: "select_account",
    });
    expect(createWebFlowUrl({ baseUrl: "https://api.github.com", clientId: "Iv1.x", state: STATE })).toBe(
      `https://github.com/login/oauth/authorize?client_id=Iv1.x&state=${STATE}`,
    );
  });

  it("refuses a guessable state, a plain challenge and a relative redirect URI, naming the field", () => {
    const error = (() => {
      try {
        createWebFlowUrl({
          baseUrl: "https://github.example.com",
          clientId: "Iv1.x",
          state: "1",
          codeChallenge: "plain-verifier",
          redirectUri: "/callback",
        });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    const paths = (error as InvalidInputError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["state", "codeChallenge", "redirectUri"]));
  });
});

describe("exchangeWebFlowCode with codeVerifier (PKCE) against the emulator", () => {
  async function codeWithChallenge(challenge: string) {
    return (
      await emulator.admin.createWebFlowCode({
        client_id: emulator.app.client_id,
        login: emulator.user.login,
        code_challenge: challenge,
      })
    ).code;
  }

  it("the matching verifier gets the token; the code then works no more", async () => {
    const pair = createPkcePair();
    const code = await codeWithChallenge(pair.codeChallenge);
    const grant = await client.exchangeWebFlowCode({ code, codeVerifier: pair.codeVerifier });
    expect((await client.checkToken(grant.access_token)).user?.login).toBe(emulator.user.login);
    const replay = await rejection(client.exchangeWebFlowCode({ code, codeVerifier: pair.codeVerifier }));
    expect(replay).toBeInstanceOf(OAuthError);
    expect((replay as OAuthError).code).toBe("bad_verification_code");
  });

  it("a missing or wrong verifier is bad_verification_code, and the error never holds the verifier", async () => {
    const pair = createPkcePair();
    const missing = await rejection(
      client.exchangeWebFlowCode({ code: await codeWithChallenge(pair.codeChallenge) }),
    );
    expect((missing as OAuthError).code).toBe("bad_verification_code");
    const wrongVerifier = createPkcePair().codeVerifier;
    const code = await codeWithChallenge(pair.codeChallenge);
    const wrong = await rejection(client.exchangeWebFlowCode({ code, codeVerifier: wrongVerifier }));
    expect((wrong as OAuthError).code).toBe("bad_verification_code");
    const text = `${String(wrong)} ${JSON.stringify(wrong)} ${(wrong as Error).stack}`;
    expect(text).not.toContain(wrongVerifier);
    expect(text).not.toContain(code);
  });

  it("a verifier that is not RFC 7636-shaped is refused before any request", async () => {
    const error = await rejection(client.exchangeWebFlowCode({ code: "abc", codeVerifier: "short" }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]?.path).toBe("codeVerifier");
  });
});
