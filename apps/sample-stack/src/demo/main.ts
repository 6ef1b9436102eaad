import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { EmulatorAdmin, startEmulator } from "@ghes-oauth/emulator";
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";
import { sampleProgram } from "../sample-program.js";
import { mintedTokens } from "./minted-tokens.js";
import { bold, green, Progress, red } from "./progress.js";
import { seedDemoWorld } from "./seed-demo-world.js";
import { type TokenFacts, tokenTable } from "./token-table.js";

// The sample stack's whole token lifecycle against the embedded emulator: up mints, refresh checks,
// destroy revokes, and the client confirms it. Everything it writes stays under apps/sample-stack/.demo.
const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const demoDir = join(appDir, ".demo");
const STACK = "demo";

async function main(): Promise<void> {
  rmSync(demoDir, { recursive: true, force: true });
  rmSync(join(appDir, `Pulumi.${STACK}.yaml`), { force: true });
  mkdirSync(join(demoDir, "state"), { recursive: true });
  const progress = new Progress(8);
  console.log(bold("ghes-oauth demo: scoped GitHub tokens as code, against the embedded GHES emulator"));

  const emulator = await progress.step("Starting the embedded GHES OAuth-Apps emulator", async () => {
    const started = await startEmulator({ dataFile: join(demoDir, "emulator.db") });
    progress.info(`API at ${started.apiUrl}; state in apps/sample-stack/.demo/emulator.db (SQLite)`);
    return started;
  });
  const stopOnSignal = () => void emulator.close().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  try {
    const world = await progress.step(
      "Seeding an organization, a GitHub App installed on it, and a user token",
      async () => {
        const seeded = await seedDemoWorld(emulator.url);
        progress.info(
          `org ${seeded.org} (id ${seeded.orgId}), app ${seeded.clientId}, user octocat signed in`,
        );
        return seeded;
      },
    );

    const stack = await progress.step(
      `Selecting stack "${STACK}" of apps/sample-stack (local file backend)`,
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
          "ghes-oauth-sample:userAccessToken": { value: world.userAccessToken, secret: true },
        });
        progress.info(`pulumi ${(await selected.workspace.pulumiVersion) ?? ""}`.trim());
        return selected;
      },
    );

    const up = await progress.step("pulumi up: minting the scoped tokens", () =>
      stack.up({ onOutput: progress.stream, suppressOutputs: true }),
    );
    const facts = up.outputs.tokens?.value as Record<string, TokenFacts>;
    console.log(`\n${tokenTable(facts)}\n`);
    const live = await new EmulatorAdmin(emulator.url).liveTokens(world.clientId);
    progress.info(`the emulator now holds ${live.filter((token) => token.scoped).length} live scoped tokens`);

    await progress.step("pulumi refresh: checking every token is still valid", async () => {
      const refreshed = await stack.refresh({ onOutput: progress.stream, suppressOutputs: true });
      const changes = refreshed.summary.resourceChanges ?? {};
      const drift = Object.entries(changes).filter(([kind]) => kind !== "same");
      if (drift.length > 0) throw new Error(`unexpected drift on refresh: ${JSON.stringify(changes)}`);
      progress.info(`no drift: ${changes.same ?? 0} resources unchanged`);
    });

    const tokens = await mintedTokens(stack);
    await progress.step("pulumi destroy: revoking them", () => stack.destroy({ onOutput: progress.stream }));

    await progress.step(
      "Confirming through @ghes-oauth/client that every minted token is revoked",
      async () => {
        const checker = new OAuthAppClient({
          baseUrl: emulator.apiUrl,
          clientId: world.clientId,
          clientSecret: world.clientSecret,
        });
        try {
          for (const [name, token] of tokens) {
            const revoked = await checker.checkToken(token).then(
              () => false,
              (error: unknown) => error instanceof NotFoundError,
            );
            if (!revoked) throw new Error(`token ${name} is still live after destroy`);
            progress.info(`${name}: …${token.slice(-8)} → 404 Not Found (revoked)`);
          }
          await checker.checkToken(world.userAccessToken);
          progress.info("the user's own token is untouched (scoped tokens are separate tokens)");
        } finally {
          await checker.close();
        }
        const remaining = (await new EmulatorAdmin(emulator.url).liveTokens(world.clientId)).filter(
          (t) => t.scoped,
        );
        if (remaining.length > 0) throw new Error(`${remaining.length} scoped tokens are still live`);
      },
    );

    await progress.step("Cleaning up the stack", async () => {
      await stack.workspace.removeStack(STACK);
      rmSync(join(appDir, `Pulumi.${STACK}.yaml`), { force: true });
    });

    console.log(
      `\n${green(bold("✔ demo passed"))}: ${tokens.size} scoped tokens minted by pulumi up, checked by pulumi refresh, ` +
        `revoked by pulumi destroy and confirmed gone, in ${progress.elapsedSeconds()}s.`,
    );
  } finally {
    await emulator.close();
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
  }
}

main().catch((error: unknown) => {
  console.error(`\n${red(bold("✘ demo failed"))}: ${error instanceof Error ? error.message : String(error)}`);
  if (existsSync(demoDir)) console.error(`  state kept in apps/sample-stack/.demo for a look`);
  process.exitCode = 1;
});
