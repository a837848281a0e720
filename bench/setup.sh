#!/usr/bin/env bash
# Installs the peer we benchmark against, npm yaml-language-server 1.25.x, into the gitignored
# bench/.peer/ folder. Idempotent: does nothing when a 1.25.x copy is already there.
# Uses the npm registry through the ordinary npm client (no other network access).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peer="$here/.peer"
pkg="$peer/node_modules/yaml-language-server/package.json"
if [[ -f "$pkg" ]] && node -e "process.exit(/^1\.25\./.test(require('$pkg').version) ? 0 : 1)"; then
  echo "bench/setup: yaml-language-server $(node -p "require('$pkg').version") already installed"
  exit 0
fi
mkdir -p "$peer"
[[ -f "$peer/package.json" ]] || echo '{ "name": "podwise-bench-peer", "private": true }' > "$peer/package.json"
npm install --prefix "$peer" --no-audit --no-fund --loglevel=error 'yaml-language-server@~1.25.0'
echo "bench/setup: installed yaml-language-server $(node -p "require('$pkg').version")"
