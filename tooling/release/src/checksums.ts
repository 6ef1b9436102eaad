import { createHash } from "node:crypto";
import { createReadStream, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CHECKSUMS = "checksums.txt";

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}

/** Writes `checksums.txt` in `dir`: the sha256 of every other file there, as `sha256sum -c` reads it. */
export async function writeChecksums(dir: string): Promise<string> {
  const files = readdirSync(dir)
    .filter((name) => name !== CHECKSUMS && statSync(join(dir, name)).isFile())
    .sort();
  const lines = await Promise.all(files.map(async (name) => `${await sha256(join(dir, name))}  ${name}`));
  const path = join(dir, CHECKSUMS);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}
