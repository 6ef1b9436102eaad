import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/**
 * The command that opens a URL in the person's browser: `$BROWSER` when set (`none` means do not open
 * one), else `open` on macOS, else `xdg-open` when installed; undefined when there is none.
 */
export function browserCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform) {
  const chosen = env.BROWSER?.trim();
  if (chosen !== undefined && chosen !== "") return chosen === "none" ? undefined : chosen;
  const opener = platform === "darwin" ? "open" : "xdg-open";
  return onPath(opener, env) ? opener : undefined;
}

/** Opens `url` with `command`, detached; true when it started. The URL is an argument, never shell text. */
export function openBrowser(command: string, url: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, [url], { env, stdio: "ignore", detached: true });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}
