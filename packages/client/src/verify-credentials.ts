import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  CredentialsUnverifiedError,
  type CredentialTarget,
  GhesOAuthError,
  InvalidCredentialsError,
  OAuthError,
} from "./errors.js";
import type { CallOptions } from "./options.js";
import { oauthRequest } from "./request/oauth-request.js";
import { ACCESS_TOKEN_ROUTE } from "./request/oauth-route.js";
import type { RequestContext } from "./request/request-context.js";

/** Whatever the server answers: any success is unexpected here. */
const anyAnswer = z.unknown();

/**
 * Proves the app's client ID and secret without minting anything: a web-flow code exchange
 * (`POST {web}/login/oauth/access_token`) with a made-up code. GitHub checks the client credentials
 * before the code: `bad_verification_code` means they are right, `incorrect_client_credentials` that
 * they are wrong (InvalidCredentialsError). Anything else (no answer, 5xx, another answer) proves
 * nothing either way: CredentialsUnverifiedError.
 */
export async function verifyCredentials(context: RequestContext, options?: CallOptions): Promise<void> {
  const target = credentialTarget(context);
  // 20 hex digits, like GitHub's codes; random, so it can never be someone's real code.
  const madeUpCode = randomBytes(10).toString("hex");
  try {
    await oauthRequest(
      context,
      ACCESS_TOKEN_ROUTE,
      {
        parameters: { code: madeUpCode },
        sendsClientSecret: true,
        secrets: [madeUpCode],
        signal: options?.signal,
      },
      anyAnswer,
    );
  } catch (error) {
    if (error instanceof OAuthError && error.code === "bad_verification_code") return;
    if (error instanceof OAuthError && error.code === "incorrect_client_credentials") {
      throw new InvalidCredentialsError(target, error, context.redactor);
    }
    const detail = error instanceof GhesOAuthError ? `failed: ${error.message}` : "failed";
    throw new CredentialsUnverifiedError(target, detail, error, context.redactor);
  }
  throw new CredentialsUnverifiedError(
    target,
    "accepted a made-up code instead of answering bad_verification_code (not GitHub's answer)",
    undefined,
    context.redactor,
  );
}

function credentialTarget(context: RequestContext): CredentialTarget {
  const apiPath = context.applicationPath.replace(/\/applications\/[^/]*$/, "");
  return {
    baseUrl: context.origin + apiPath,
    webUrl: context.web.origin + context.web.basePath,
    clientId: context.web.clientId,
  };
}
