export interface TokenFacts {
  lastEight: string;
  permissions: Record<string, string>;
  expiresAt: string | null;
  target: string;
  repositorySelection: string;
}

/** A plain-text table of minted tokens: only facts that are safe to show. */
export function tokenTable(tokens: Record<string, TokenFacts>): string {
  const header = ["token", "last eight", "target", "repos", "permissions", "expires at"];
  const rows = Object.entries(tokens).map(([name, facts]) => [
    name,
    `…${facts.lastEight}`,
    facts.target,
    facts.repositorySelection,
    Object.entries(facts.permissions)
      .map(([permission, level]) => `${permission}:${level}`)
      .join(", "),
    facts.expiresAt ?? "never",
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}
