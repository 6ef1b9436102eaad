import { type Violation, violation } from "./model.js";

const POLICY = "ghes-oauth-secret-inputs";

/** The inputs that carry a token: they must be secrets. */
export const TOKEN_INPUTS = ["accessToken", "refreshToken"] as const;

/** GitHub's token formats: user-to-server, refresh, OAuth, personal, installation, fine-grained personal. */
const TOKEN_SHAPE = /\b(?:gh[uropsa]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/;

/** One string of a resource's inputs, with whether the engine holds it as a secret. */
export interface InputLeaf {
  /** e.g. `accessToken`, `scopes.ci.rotationTrigger`. */
  readonly path: string;
  readonly value: string;
  readonly secret: boolean;
}

/**
 * A token given as a plain value: a token input that is not a secret, or a token-shaped string in any
 * other plain input (e.g. a token used as a `rotationTrigger`), which state would keep in clear.
 */
export function checkSecretInputs(subject: string, leaves: readonly InputLeaf[]): Violation[] {
  return leaves
    .filter((leaf) => !leaf.secret && leaf.value !== "")
    .flatMap((leaf) => {
      if ((TOKEN_INPUTS as readonly string[]).includes(leaf.path))
        return [
          violation(
            POLICY,
            subject,
            leaf.path,
            "is a plain value, not a secret, so the token is stored in clear; pass it as a secret (pulumi config set --secret, then config.requireSecret(...), or pulumi.secret(...))",
          ),
        ];
      if (TOKEN_SHAPE.test(leaf.value))
        return [
          violation(
            POLICY,
            subject,
            leaf.path,
            "holds a GitHub token as a plain value, which state keeps in clear; do not put a token here, or pass it as a secret (pulumi.secret(...))",
          ),
        ];
      return [];
    });
}
