// The engine prints a check failure's property value as "property P value V has a problem", and renders a
// secret value as Go's `{&{{...}}}`: either in the text means a value was shown.
const VALUE_SHOWN = /property (\S+) value .*? has a problem/g;
const SECRET_RENDERED = /\{&\{\{.*?\}\}\}/g;

/**
 * What in `text` shows a value it must not (the engine's value echo, a rendered secret, a known secret),
 * described without the value itself so a failing test prints no secret either.
 */
export function findLeaks(text: string, secrets: readonly string[]): string[] {
  return [
    ...[...text.matchAll(VALUE_SHOWN)].map((match) => `the engine showed the value of ${match[1]}`),
    ...[...text.matchAll(SECRET_RENDERED)].map(() => "the engine rendered a secret value"),
    ...secrets.flatMap((secret, index) => (text.includes(secret) ? [`known secret #${index} in clear`] : [])),
  ];
}
