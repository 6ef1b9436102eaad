import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ForbiddenError,
  GhesOAuthError,
  GitHubApiError,
  InvalidInputError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TransportError,
  ValidationError,
} from "../src/index.js";
import { Redactor } from "../src/redaction/redactor.js";

const secret = "s3cr3t/value+x=";
const redactor = new Redactor([secret]);
const request = { method: "POST", route: "/applications/{client_id}/token" };
const everyRendering = (error: Error) =>
  [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: null, showHidden: true })].join(
    "\n",
  );

describe("GhesOAuthError, the base of every client error", () => {
  it.each([
    AuthenticationError,
    ForbiddenError,
    GitHubApiError,
    InvalidInputError,
    NotFoundError,
    RateLimitError,
    ResponseShapeError,
    ServerError,
    TransportError,
    ValidationError,
  ])("%o extends it", (errorClass) => {
    expect(errorClass.prototype).toBeInstanceOf(GhesOAuthError);
  });

  it("redacts the message, every property (keys included) and the cause chain at construction", () => {
    const cause = Object.assign(new Error(`inner ${secret}`), { code: `E_${secret}`, headers: { secret } });
    const error = new GhesOAuthError(
      `outer ${encodeURIComponent(secret)}`,
      { detail: { [secret]: [secret], n: 1 }, flag: true },
      { redactor, cause },
    );
    expect(error.message).toBe("outer [REDACTED]");
    expect((error as unknown as { detail: unknown }).detail).toEqual({ "[REDACTED]": ["[REDACTED]"], n: 1 });
    expect((error as unknown as { flag: unknown }).flag).toBe(true);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).not.toBe(cause);
    expect(error.cause).toMatchObject({ message: "inner [REDACTED]", code: "E_[REDACTED]" });
    expect(error.cause).not.toHaveProperty("headers");
    expect(everyRendering(error)).not.toContain(secret);
  });

  it("keeps the redacted fields of a subclass written the documented way", () => {
    class GrantError extends GhesOAuthError {
      override name = "GrantError";
      declare readonly error: string;
      declare readonly description: string;
      constructor(error: string, description: string) {
        super(`grant failed: ${error}: ${description}`, { error, description }, { redactor });
      }
    }
    const error = new GrantError("bad_verification_code", `code ${secret} expired`);
    expect(error).toBeInstanceOf(GhesOAuthError);
    expect(error.name).toBe("GrantError");
    expect(error.stack?.split("\n")[0]).toBe(
      "GrantError: grant failed: bad_verification_code: code [REDACTED] expired",
    );
    expect(error.error).toBe("bad_verification_code");
    expect(error.description).toBe("code [REDACTED] expired");
    expect(everyRendering(error)).not.toContain(secret);
  });

  it("copies a cyclic cause chain without looping, and cuts a long one after 8 links", () => {
    const first = new Error(`a ${secret}`);
    const second = new Error(`b ${secret}`, { cause: first });
    first.cause = second;
    const error = new TransportError(request, "ECONNRESET", "reset", first, redactor);
    const chain: unknown[] = [];
    for (let link: unknown = error.cause; link instanceof Error; link = link.cause) chain.push(link.message);
    expect(chain).toEqual(["a [REDACTED]", "b [REDACTED]"]);

    let long = new Error("root");
    for (let index = 0; index < 100; index++) long = new Error(`link ${index}`, { cause: long });
    let length = 0;
    for (
      let link: unknown = new TransportError(request, "X", "x", long).cause;
      link instanceof Error;
      link = link.cause
    )
      length++;
    expect(length).toBe(8);
  });

  it("redacts TransportError.code and the ResponseShapeError request id and issue paths", () => {
    const transport = new TransportError(request, `E_${secret}`, `failed (E_${secret})`, undefined, redactor);
    expect(transport.code).toBe("E_[REDACTED]");
    expect(transport.stack?.split("\n")[0]).toBe(`TransportError: ${transport.message}`);
    const shape = new ResponseShapeError(
      request,
      200,
      `id-${secret}`,
      [{ path: `installation.permissions.${secret}`, message: "Invalid input" }],
      redactor,
    );
    expect(shape.requestId).toBe("id-[REDACTED]");
    expect(shape.issues).toEqual([{ path: "installation.permissions.[REDACTED]", message: "Invalid input" }]);
    expect(everyRendering(shape)).not.toContain(secret);
  });
});
