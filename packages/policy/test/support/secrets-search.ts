/**
 * Where each secret value shows up in `outputs`, described without the values (so a failing test prints
 * none): `searched` outputs, `secrets` values, and every hit as `output #i: secret <label>`.
 */
export function searchSecrets(
  outputs: readonly string[],
  secrets: Readonly<Record<string, string>>,
): { searched: number; secrets: number; hits: string[] } {
  const hits = outputs.flatMap((output, index) =>
    Object.entries(secrets).flatMap(([label, value]) =>
      value !== "" && output.includes(value) ? [`output #${index}: secret ${label}`] : [],
    ),
  );
  return { searched: outputs.length, secrets: Object.keys(secrets).length, hits };
}
