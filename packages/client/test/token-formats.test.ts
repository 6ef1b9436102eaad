import { inspect } from "node:util";
import { futureTokens, ghsJwtToken, windowsOf } from "@ghes-oauth/vitest-preset/token-formats";
import { describe, expect, it } from "vitest";
import { GitHubApiError, OAuthAppClient } from "../src/index.js";
import { startStubServer } from "./support/stub-server.js";

function everythingOf(error: unknown): string {
  return [String(error), (error as Error).stack, inspect(error, { depth: 10 }), JSON.stringify(error)].join(
    "\n",
  );
}

describe("tomorrow's token formats never leak from an error", () => {
  it.each(Object.entries(futureTokens()))(
    "%s: the call's token, a prefix of it and a foreign token echoed by the server",
    async (_shape, token) => {
      const foreign = ghsJwtToken(1024);
      const echo = `${token} / ${token.slice(0, Math.floor(token.length / 2))} / ${foreign}. Also ${token}.trailing-text`;
      const stub = await startStubServer(() => ({
        status: 422,
        headers: { "x-github-request-id": `ID:${foreign}` },
        body: JSON.stringify({ message: echo, errors: [{ code: "custom", message: echo, field: token }] }),
      }));
      const client = new OAuthAppClient({
        baseUrl: stub.apiUrl,
        clientId: "Iv1.shapes",
        clientSecret: "shape-secret",
        retry: false,
      });
      try {
        for (const call of [() => client.checkToken(token), () => client.checkAuthorization(token)]) {
          const error = await call().catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(GitHubApiError);
          const text = everythingOf(error);
          expect(text).toContain("[REDACTED]");
          for (const secret of [token, foreign])
            for (const piece of windowsOf(secret)) expect(text).not.toContain(piece);
        }
        // The tokens were sent whole: the 1 KiB ones too, in the body and in the path.
        expect(stub.requests[0]?.body).toContain(token);
        expect(decodeURIComponent(stub.requests[1]?.path ?? "")).toContain(token);
      } finally {
        await client.close();
        await stub.close();
      }
    },
  );
});
