// `podwise --help`.
import { SUPPORTED_VERSIONS, DEFAULT_VERSION } from '../engine/versions';

export const USAGE = `Usage: podwise check [options] [paths…]

Checks Kubernetes YAML: files, folders (recursed; *.yaml, *.yml, *.json; node_modules and .git
are skipped) and "-" for standard input. With no path, the current folder is checked.
In folders, only regular files are read, and symbolic links only when they lead to a place
inside a folder named. Files may be UTF-8 or, with a byte order mark, UTF-16.

Options:
  -f, --format text|json|sarif   Output format (default: text)
  -k, --kubernetes-version 1.NN  Kubernetes version to check against (${SUPPORTED_VERSIONS[0]}–${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}; default ${DEFAULT_VERSION})
      --rule id=severity         Override a rule: error, warning, info, hint or off (repeatable)
      --static-pod               Check every input as a static-Pod manifest (kubelet manifest dir)
  -c, --config FILE              Use this config file instead of the nearest .podwise.yaml
      --no-config                Do not read any .podwise.yaml
      --stdin-filename PATH      Path to report (and match globs against) for "-"
      --follow-symlinks          Also follow symbolic links that lead outside the folders named
  -h, --help                     Show this help
  -V, --version                  Show the version

Exit codes: 0 no error-severity finding, 1 errors found, 2 usage or I/O failure.
Docs: docs/cli.md and docs/configuration.md.
`;
