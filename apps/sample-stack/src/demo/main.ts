import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { OAuthAppClient } from "@ghes-oauth/client";
import { EmulatorAdmin, startEmulator } from "@ghes-oauth/emulator";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation/index.js";
import { sampleProgram } from "../sample-program.js";
import { isConsumedRefreshToken, isLive } from "./check-tokens.js";
import { deviceSignIn } from "./device-sign-in.js";
import { mintedTokens, secretOutputs } from "./minted-tokens.js";
import { bold, green, Progress, red } from "./progress.js";
import { seedDemoWorld } from "./seed-demo-world.js";
import { type TokenFacts, tokenTable } from "./token-table.js";

// The sample stack's whole token lifecycle against the embedded emulator: a device-flow sign-in seeds
// the UserToken, up mints, refresh checks, a simulated 7.5 hours later up renews, destroy revokes, and
// the client confirms it all. Everything it writes stays under apps/sample-stack/.demo.
const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const demoDir = join(appDir, ".demo");
const STACK = "demo";
const USER = "platform-user";
const CLOCK_JUMP_HOURS = 7.5;

interface UserFacts {
  login: string;
  expiresAt: string | null;
  refreshTokenExpiresAt: string | null;
}

async function main(): Promise<void> {
  rmSync(demoDir, { recursive: true, force: true });
  rmSync(join(appDir, `Pulumi.${STACK}.yaml`), { force: true });
  mkdirSync(join(demoDir, "state"), { recursive: true });
  const progress = new Progress(10);
  console.log(
    bold("ghes-oauth demo: GitHub user tokens that stay alive, as code, against the embedded GHES emulator"),
  );

  const emulator = await progress.step("Starting the embedded GHES OAuth-Apps emulator", async () => {
    const started = await startEmulator({ dataFile: join(demoDir, "emulator.db") });
    progress.info(`API at ${started.apiUrl}; state in apps/sample-stack/.demo/emulator.db (SQLite)`);
    return started;
  });
  const stopOnSignal = () => void emulator.close().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  const admin = new EmulatorAdmin(emulator.url);
  let client: OAuthAppClient | undefined;

  try {
    const world = await progress.step(
      "Seeding an organization and a GitHub App installed on it",
      async () => {
        const seeded = await seedDemoWorld(emulator.url);
        progress.info(
          `org ${seeded.org} (id ${seeded.orgId}), app ${seeded.clientId} (user tokens expire after 8 h)`,
        );
        return seeded;
      },
    );
    const api = new OAuthAppClient({
      baseUrl: emulator.apiUrl,
      clientId: world.clientId,
      clientSecret: world.clientSecret,
    });
    client = api;

    const seed = await progress.step("Signing octocat in through the device flow", () =>
      deviceSignIn(api, admin, progress),
    );

    const stack = await progress.step(
      `Selecting stack "${STACK}" of apps/sample-stack (local file backend); the refresh token goes in as a secret`,
      async () => {
        const selected = await LocalWorkspace.createOrSelectStack(
          { stackName: STACK, projectName: "ghes-oauth-sample", program: async () => sampleProgram() },
          {
            workDir: appDir,
            secretsProvider: "passphrase",
            envVars: {
              PULUMI_BACKEND_URL: `file://${join(demoDir, "state")}`,
              PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ghes-oauth-demo",
            },
          },
        );
        await selected.setAllConfig({
          "ghes-oauth:baseUrl": { value: emulator.apiUrl },
          "ghes-oauth:clientId": { value: world.clientId },
          "ghes-oauth:clientSecret": { value: world.clientSecret, secret: true },
          "ghes-oauth-sample:org": { value: world.org },
          "ghes-oauth-sample:orgId": { value: String(world.orgId) },
          "ghes-oauth-sample:releaseRepositoryIds": { value: JSON.stringify(world.releaseRepositoryIds) },
          "ghes-oauth-sample:userRefreshToken": { value: seed, secret: true },
        });
        progress.info(
          "pulumi config set --secret ghes-oauth-sample:userRefreshToken (encrypted in Pulumi.demo.yaml)",
        );
        progress.info(`pulumi ${(await selected.workspace.pulumiVersion) ?? ""}`.trim());
        return selected;
      },
    );

    const up = await progress.step("pulumi up: redeeming the sign-in and minting the scoped tokens", () =>
      stack.up({ onOutput: progress.stream, suppressOutputs: true }),
    );
    showTokens(up.outputs.user?.value as UserFacts, up.outputs.tokens?.value as Record<string, TokenFacts>);
    const live = await admin.liveTokens(world.clientId);
    progress.info(
      `the emulator now holds ${live.filter((token) => token.scoped).length} live scoped tokens and ${live.filter((token) => !token.scoped && token.kind === "access").length} user token`,
    );

    await progress.step("pulumi refresh: checking every token is still valid", async () => {
      const refreshed = await stack.refresh({ onOutput: progress.stream, suppressOutputs: true });
      const changes = refreshed.summary.resourceChanges ?? {};
      const drift = Object.entries(changes).filter(([kind]) => kind !== "same");
      if (drift.length > 0) throw new Error(`unexpected drift on refresh: ${JSON.stringify(changes)}`);
      progress.info(`no drift: ${changes.same ?? 0} resources unchanged`);
    });

    await progress.step(
      `${CLOCK_JUMP_HOURS} hours later: pulumi up renews the user token and re-mints the scoped tokens`,
      async () => {
        const before = await stackSecrets(stack);
        const moved = await admin.advanceClock(CLOCK_JUMP_HOURS * 3600);
        progress.info(
          `the emulator's clock now reads ${moved.now}: every token expires in 30 min, within renewBefore (1h)`,
        );
        const renewed = await stack.up({ onOutput: progress.stream, suppressOutputs: true });
        progress.info(`changes: ${JSON.stringify(renewed.summary.resourceChanges ?? {})}`);
        showTokens(
          renewed.outputs.user?.value as UserFacts,
          renewed.outputs.tokens?.value as Record<string, TokenFacts>,
        );
        const after = await stackSecrets(stack);
        for (const [name, previous] of before.tokens) {
          const current = after.tokens.get(name) ?? "";
          if (current === previous) throw new Error(`${name} was not renewed`);
          if (await isLive(api, previous)) throw new Error(`the previous ${name} is still live`);
          if (!(await isLive(api, current))) throw new Error(`the renewed ${name} is not live`);
          progress.info(
            `${name}: previous …${previous.slice(-8)} → 404 (dead); new …${current.slice(-8)} → 200 (live)`,
          );
        }
        if (!(await isConsumedRefreshToken(api, before.refreshToken))) {
          throw new Error("the previous refresh token was not rotated away");
        }
        progress.info(
          "the previous refresh token → bad_refresh_token (rotated: GitHub accepts each one once)",
        );
      },
    );

    const final = await stackSecrets(stack);
    await progress.step("pulumi destroy: revoking them", () => stack.destroy({ onOutput: progress.stream }));

    await progress.step("Confirming through @ghes-oauth/client that every token is revoked", async () => {
      for (const [name, token] of final.tokens) {
        if (await isLive(api, token)) throw new Error(`token ${name} is still live after destroy`);
        progress.info(`${name}: …${token.slice(-8)} → 404 Not Found (revoked)`);
      }
      if (!(await isConsumedRefreshToken(api, final.refreshToken))) {
        throw new Error("the user's refresh token still works after destroy");
      }
      progress.info(`${USER}'s refresh token → bad_refresh_token (revoked with its access token)`);
      const remaining = await admin.liveTokens(world.clientId);
      if (remaining.length > 0) throw new Error(`${remaining.length} tokens are still live`);
      progress.info("the emulator holds no live token for the app");
    });

    await progress.step("Cleaning up the stack", async () => {
      await stack.workspace.removeStack(STACK);
      rmSync(join(appDir, `Pulumi.${STACK}.yaml`), { force: true });
    });

    console.log(
      `\n${green(bold("✔ demo passed"))}: a device-flow sign-in kept alive by a UserToken, ${final.tokens.size - 1} scoped tokens minted by pulumi up, ` +
        `checked by pulumi refresh, renewed ${CLOCK_JUMP_HOURS} h later by pulumi up, revoked by pulumi destroy and confirmed gone, in ${progress.elapsedSeconds()}s.`,
    );
  } finally {
    await client?.close();
    await emulator.close();
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
  }

  function showTokens(user: UserFacts, tokens: Record<string, TokenFacts>): void {
    console.log(`\n${tokenTable(tokens)}\n`);
    progress.info(
      `${USER}: ${user.login}'s access token expires ${user.expiresAt ?? "never"}, its refresh token ${user.refreshTokenExpiresAt ?? "never"}`,
    );
  }
}

/** Every access token in state (the UserToken's and each ScopedToken's) and the current refresh token. */
async function stackSecrets(stack: Stack): Promise<{ tokens: Map<string, string>; refreshToken: string }> {
  const tokens = await mintedTokens(stack);
  const user = await secretOutputs(stack, "UserToken", "accessToken");
  for (const [name, token] of user) tokens.set(name, token);
  const refreshToken = (await secretOutputs(stack, "UserToken", "refreshToken")).get(USER);
  if (!refreshToken) throw new Error(`no refresh token for ${USER} in state`);
  return { tokens, refreshToken };
}

main().catch((error: unknown) => {
  console.error(`\n${red(bold("✘ demo failed"))}: ${error instanceof Error ? error.message : String(error)}`);
  if (existsSync(demoDir)) console.error(`  state kept in apps/sample-stack/.demo for a look`);
  process.exitCode = 1;
});
