#!/usr/bin/env bash
# The two entry points of the README: `npm test` (everything CI checks) and `npm run demo` (the main job).
# Each provisions what it needs first (see bootstrap.sh), so both work on a fresh machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. tooling/bootstrap.sh
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 DO_NOT_TRACK=1

case "${1:-}" in
  test)
    started=$(date +%s)
    pnpm exec biome ci .
    # Every import names a declared dependency (the dependency rules themselves are a test: tooling/workspace-rules).
    pnpm exec turbo boundaries
    # Independent packages' tasks side by side (each package's vitest also runs 2 files at once). Three
    # rather than two: turbo does not favour the longest chain (@ghes-oauth/pulumi's tests), and with two
    # slots it waited about a minute behind typechecks and shorter packages' tests for one.
    # GHES_OAUTH_TURBO_CONCURRENCY overrides it.
    # --continue: one failing package does not hide the other packages' results.
    pnpm exec turbo run build typecheck schema:check sdk:check test --concurrency="${GHES_OAUTH_TURBO_CONCURRENCY:-3}" \
      --continue --output-logs=full --log-order=grouped
    echo "[test] lint, build, typecheck and tests done in $(($(date +%s) - started))s"
    node tooling/test-summary.mjs
    ;;
  demo)
    pnpm exec turbo run build --output-logs=errors-only
    pnpm --filter @ghes-oauth/sample-stack run demo
    ;;
  *)
    echo "usage: tooling/run.sh test|demo" >&2
    exit 2
    ;;
esac
