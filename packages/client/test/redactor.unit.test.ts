import { describe, expect, it } from "vitest";
import { Redactor } from "../src/redaction/redactor.js";

// A request's redactor is derived from the client's on every call (with the call's token) and is only
// used when an error is built: its forms are worked out lazily, and must be the ones they always were.
describe("Redactor.with", () => {
  const clientSecret = "s3cr3t/value+x=";
  const token = "ghu_tok/en+with=marks";
  const derived = new Redactor([clientSecret]).with(token);
  const forms = (secret: string) => {
    const encoded = encodeURIComponent(secret);
    const lower = encoded.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase());
    return [secret, encoded, lower];
  };

  it.each([
    ["the client secret", forms(clientSecret)],
    ["the call's token", forms(token)],
    // Each form of the base secrets is itself a secret of the derived redactor: its encodings too.
    ["the client secret encoded twice", forms(encodeURIComponent(clientSecret)).slice(1)],
  ])("redacts every form of %s", (_name, texts) => {
    for (const text of texts) {
      expect(derived.redact(`before ${text} after`)).toBe("before [REDACTED] after");
      expect(derived.redactValue({ [text]: [text] })).toStrictEqual({ "[REDACTED]": ["[REDACTED]"] });
    }
  });

  it("leaves its base as it was", () => {
    const base = new Redactor([clientSecret]);
    base.with(token);
    expect(base.redact(token)).toBe(token);
    expect(base.redact(clientSecret)).toBe("[REDACTED]");
  });

  it("replaces a secret that contains another whole", () => {
    const nested = new Redactor(["abc"]).with("xxabcxx");
    expect(nested.redact("[xxabcxx] [abc]")).toBe("[[REDACTED]] [[REDACTED]]");
  });
});
