#!/usr/bin/env bash
# Prints a directory holding pulumi-language-nodejs, -go and -python: code-generation-only language
# plugins (./codegen-host) for `pulumi package gen-sdk`, built once from the Go module proxy at the
# CLI's version and cached outside the clone. Put it on PATH for gen-sdk only: these plugins generate
# SDKs and nothing else, and a real Pulumi install's language hosts must win everywhere else.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${GHES_OAUTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ghes-oauth}"
version="$(sed -n 's#.*github.com/pulumi/pulumi/pkg/v3 v\([0-9.]*\).*#\1#p' "$here/go.mod")"
dir="$cache/pulumi-codegen-hosts-$version"
if [ ! -x "$dir/codegen-host" ] || [ "$here/codegen-host/main.go" -nt "$dir/codegen-host" ]; then
  command -v go >/dev/null 2>&1 || { echo "codegen-hosts: Go is needed to build the SDK generators (pulumi package gen-sdk's language plugins)" >&2; exit 1; }
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/.tmp.XXXXXX")"
  (cd "$here" && GOFLAGS=-mod=mod go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$tmp/codegen-host" ./codegen-host) >&2 || { rm -rf "$tmp"; exit 1; }
  for language in nodejs go python; do ln -s codegen-host "$tmp/pulumi-language-$language"; done
  rm -rf "$dir"
  mv "$tmp" "$dir"
fi
echo "$dir"
