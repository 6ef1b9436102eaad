#!/usr/bin/env bash
# The two entry points of the README: `npm test` (everything CI checks) and `npm run demo` (the main job).
# Each provisions what it needs first (see bootstrap.sh), so both work on a fresh machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. tooling/bootstrap.sh
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 DO_NOT_TRACK=1

case "${1:-}" in
  test)
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.started=$(date +%s)
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.pnpm exec biome ci .
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.# Every import names a declared dependency (the dependency rules themselves are a test: tooling/workspace-rules).
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.pnpm exec turbo boundaries
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.# Independent packages' tasks side by side (each package's vitest also runs 2 files at once): on 2 cores
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.# most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.pnpm exec turbo run build typecheck schema:check sdk:check test --concurrency="${GHES_OAUTH_TURBO_CONCURRENCY:-2}" \
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.  --continue --output-logs=full --log-order=grouped
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.echo "[test] lint, build, typecheck and tests done in $(($(date +%s) - started))s"
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.node tooling/test-summary.mjs
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.;;
  demo)
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.pnpm exec turbo run build --output-logs=errors-only
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.pnpm --filter @ghes-oauth/sample-stack run demo
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.;;
  *)
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.echo "usage: tooling/run.sh test|demo" >&2
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.exit 2
 most test time is spent waiting on emulators and engines. GHES_OAUTH_TURBO_CONCURRENCY overrides it.;;
esac
