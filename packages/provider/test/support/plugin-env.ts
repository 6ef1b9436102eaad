import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's bin/, where the engine finds pulumi-resource-ghes-oauth (the PATH-based setup). */
export const pluginBinDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin");

/** Environment for a stack whose engine finds the plugin on PATH and never tries to download one. */
export function pluginEnv(): Record<string, string> {
  return {
    PATH: `${pluginBinDir}:${process.env.PATH ?? ""}`,
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}
