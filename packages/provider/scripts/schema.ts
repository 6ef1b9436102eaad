// `generate` writes schema.json from the resource contracts (@ghes-oauth/pulumi/contract) and the package
// metadata (src/package-metadata.ts); `schema:check` (`--check`) fails when the committed schema.json is
// not what they give. `--schema FILE` compares another file (the test of the check uses it).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { schemaDocumentText } from "../src/schema-document.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaFlag = process.argv.indexOf("--schema");
const schemaPath =
  schemaFlag > 0 ? resolve(process.argv[schemaFlag + 1] ?? "") : join(packageDir, "schema.json");
const expected = schemaDocumentText();

if (process.argv.includes("--check")) {
  if (readFileSync(schemaPath, "utf8") !== expected) {
    console.error(
      `schema:check: ${schemaPath} is stale: it is not what the resource contracts give. Run \`pnpm --filter @ghes-oauth/provider generate\`.`,
    );
    process.exit(1);
  }
  console.log("schema:check: schema.json matches the resource contracts");
} else {
  writeFileSync(schemaPath, expected);
  console.log(`wrote ${schemaPath}`);
}
