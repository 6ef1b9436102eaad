// Generates the SDKs in sdk/ from schema.json with the Pulumi CLI's `pulumi package gen-sdk`.
// `--check` regenerates into a temporary directory and fails when the committed SDKs differ (stale).
// Languages whose language plugin is not on this machine (dotnet here) are reported, not compared.
// First the package-level settings (scripts/package-metadata.mjs) go into schema.json (checked likewise).
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { withPackageMetadata } from "./package-metadata.mjs";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = join(packageDir, "schema.json");
const sdkDir = join(packageDir, "sdk");
const check = process.argv.includes("--check");
const committedSchema = JSON.parse(readFileSync(schemaPath, "utf8"));
const schema = withPackageMetadata(committedSchema);
if (JSON.stringify(schema) !== JSON.stringify(committedSchema)) {
  if (check) {
    console.error(
      "schema.json lacks the package-level settings of scripts/package-metadata.mjs (version, ...).",
    );
    console.error(
      "Regenerate: pnpm --filter @ghes-oauth/provider run gen-sdk, and commit schema.json and sdk/.",
    );
    process.exit(1);
  }
  writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
  execFileSync("pnpm", ["exec", "biome", "format", "--write", schemaPath], { stdio: "ignore" });
}

/** What a release writes beside a generated SDK (`changeset version`), kept when regenerating. */
const kept = ["CHANGELOG.md"];

/** Language -> the pieces the generator leaves for the publisher to fill in. */
const finishers = {
  // As Pulumi's own provider builds do: the version filled in, and the package served from bin/ with a
  // package.json there (the SDK reads its version from it to ask the engine for this plugin).
  nodejs: (dir) => {
    const path = join(dir, "package.json");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generator's literal placeholder
    const manifest = JSON.parse(readFileSync(path, "utf8").replaceAll("${VERSION}", schema.version));
    const finished = {
      ...manifest,
      type: "commonjs",
      main: "bin/index.js",
      types: "bin/index.d.ts",
      // Only the package's root: bin/package.json (the copy the SDK reads its version from) would
      // otherwise make bin/ look like an entry point of its own to resolvers.
      exports: {
        ".": { types: "./bin/index.d.ts", default: "./bin/index.js" },
        "./package.json": "./package.json",
      },
      files: ["bin/", "README.md"],
      engines: { node: ">=22" },
      // bin/package.json: what the SDK reads its version from at run time, and nothing a resolver acts on.
      scripts: {
        build:
          "tsc && node -e \"const { name, version, pulumi } = require('./package.json'); fs.writeFileSync('bin/package.json', JSON.stringify({ name, version, pulumi }, null, 4))\"",
      },
    };
    writeFileSync(path, `${JSON.stringify(finished, null, 4)}\n`);
  },
  go: (dir) => {
    const module = schema.language.go.importBasePath;
    const pulumiVersion = schema.language.nodejs.dependencies["@pulumi/pulumi"].replace(/^\D+/, "");
    const goMod = [
      `module ${module}`,
      "",
      "go 1.22",
      "",
      "require (",
      "\tgithub.com/blang/semver v3.5.1+incompatible",
      `\tgithub.com/pulumi/pulumi/sdk/v3 v${pulumiVersion}`,
      ")",
      "",
    ].join("\n");
    writeFileSync(join(dir, "ghesoauth", "go.mod"), goMod);
  },
  python: () => {},
  dotnet: () => {},
};

const hosts = execFileSync("bash", [join(packageDir, "../../tooling/pulumi-cli/codegen-hosts.sh")], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
}).trim();

const out = mkdtempSync(join(tmpdir(), "ghes-oauth-sdk-"));
const generated = [];
const missing = [];
try {
  for (const language of Object.keys(finishers)) {
    try {
      execFileSync("pulumi", ["package", "gen-sdk", schemaPath, "--language", language, "--out", out], {
        env: { ...process.env, PATH: `${hosts}:${process.env.PATH}`, PULUMI_SKIP_UPDATE_CHECK: "true" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      finishers[language](join(out, language));
      generated.push(language);
    } catch (error) {
      const reason = String(error.stderr ?? error.message)
        .trim()
        .split("\n")
        .at(-1);
      missing.push(language);
      console.warn(`gen-sdk: ${language} not generated on this machine: ${reason}`);
      rmSync(join(out, language), { recursive: true, force: true });
    }
  }

  if (check) {
    const stale = generated.flatMap((language) => differences(join(out, language), join(sdkDir, language)));
    if (stale.length > 0) {
      console.error(`The committed SDKs are stale against schema.json:\n  ${stale.join("\n  ")}`);
      console.error("Regenerate them: pnpm --filter @ghes-oauth/provider run gen-sdk, and commit sdk/.");
      process.exit(1);
    }
    console.log(
      `gen-sdk --check: ${generated.join(", ")} match schema.json${missing.length ? ` (${missing.join(", ")} not checked: no language plugin here)` : ""}`,
    );
  } else {
    for (const language of generated) {
      for (const file of kept) {
        const path = join(sdkDir, language, file);
        if (existsSync(path)) cpSync(path, join(out, language, file));
      }
      rmSync(join(sdkDir, language), { recursive: true, force: true });
      cpSync(join(out, language), join(sdkDir, language), { recursive: true });
    }
    console.log(`gen-sdk: wrote ${generated.map((language) => `sdk/${language}`).join(", ")}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

/** Files that differ, are missing or are extra in `actual` compared with `expected`. */
function differences(expected, actual) {
  const expectedFiles = filesUnder(expected);
  const actualFiles = existsSync(actual) ? filesUnder(actual) : [];
  // What building and testing the SDKs leaves beside them (ignored by git).
  const ignored = new Set(["node_modules", "bin", ".turbo", "__pycache__", ...kept]);
  const committed = actualFiles.filter((file) => !file.split("/").some((part) => ignored.has(part)));
  const all = new Set([...expectedFiles, ...committed]);
  const name = relative(packageDir, actual);
  return [...all]
    .filter((file) => {
      const a = join(expected, file);
      const b = join(actual, file);
      return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
    })
    .map((file) => `${name}/${file}`);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) =>
    statSync(join(dir, file)).isFile(),
  );
}
