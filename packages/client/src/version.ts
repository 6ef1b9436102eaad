import { readFileSync } from "node:fs";

// Read from this package's own manifest (one directory up from both src/ and dist/), so the version that
// `changeset version` writes is the one the User-Agent reports: there is no copy to keep in step.
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** This package's version (from its package.json), for the default User-Agent. */
export const VERSION: string = manifest.version;
