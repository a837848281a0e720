// `podwise --help`. Written for someone who installed the package: no repository paths, and the
// docs named where they are on this machine (they ship in the package).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SUPPORTED_VERSIONS, DEFAULT_VERSION } from '../engine/versions';

const FIRST = SUPPORTED_VERSIONS[0];
const LAST = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1];

export function usage(packageRoot: string | undefined): string {
  const cliDoc = packageRoot ? path.join(packageRoot, 'docs', 'cli.md') : undefined;
  const docs =
    cliDoc && existsSync(cliDoc)
      ? `Docs: ${cliDoc}\n      rule pages: ${path.join(packageRoot as string, 'docs', 'rules')}${path.sep}<rule-id>.md`
      : 'Docs: docs/cli.md and docs/rules/<rule-id>.md in the podwise package.';
  return `Usage: podwise check [options] [paths…]   report problems
       podwise fix [options] [paths…]     apply the safe fixes in place (also: check --fix)

Checks Kubernetes YAML: files, folders (recursed; *.yaml, *.yml, *.json; node_modules and .git
are skipped) and "-" for standard input. With no path, the current folder is checked.
In folders, only regular files are read, and symbolic links only when they lead to a place
inside a folder named. Files may be UTF-8 or, with a byte order mark, UTF-16.

"podwise fix" applies the fixes the editor's "Fix all" applies (one safe fix per problem; a
fix that would add an error or drop a comment is not applied), writes each file atomically,
and reports what is left. "podwise fix -" prints the fixed standard input.

Options:
  -f, --format FORMAT            text (default: grouped by file), compact (file:line:col
                                 severity rule message, one per line), json or sarif
  -k, --kubernetes-version 1.NN  Kubernetes version to check against (${FIRST}–${LAST}; default ${DEFAULT_VERSION})
      --pod-security LEVEL       Pod Security Standard to check against: baseline (default),
                                 restricted or off (a Namespace's enforce label in the run wins)
      --crd PATH                 CustomResourceDefinitions (a file, or a folder of them) to
                                 validate custom resources with; not checked (repeatable)
      --workspace-complete       The files checked hold every object they refer to: a
                                 reference to one not found among them is a warning
  -q, --quiet                    Report errors only (same as --min-severity error)
      --min-severity LEVEL       Report only error, warning, info or hint and above
      --max-warnings N           Exit with 1 when more than N warnings are found
      --rule id=severity         Override a rule: error, warning, info, hint or off (repeatable)
      --static-pod               Check every input as a static-Pod manifest (kubelet manifest dir)
  -c, --config FILE              Use this config file instead of the nearest .podwise.yaml
      --no-config                Do not read any .podwise.yaml
      --stdin-filename PATH      Path to report (and match globs against) for "-"
      --follow-symlinks          Also follow symbolic links that lead outside the folders named
      --time-limit SECONDS       Time per file for check (default 1.5; 0: no limit); the
                                 documents not reached are named in one yaml-limit info
      --jobs N                   Check up to N files at once: this thread and N-1 workers (1:
                                 one at a time; default: one per core, 2 to 4, for 8+ files)
      --dry-run                  With fix: print a unified diff instead of writing files
      --color, --no-color        Force colour on or off (default: on for a terminal;
                                 NO_COLOR and FORCE_COLOR are honoured)
  -h, --help                     Show this help
  -V, --version                  Show the version

Values go as "-k 1.33", "-k1.33", "--kubernetes-version 1.33" or "--kubernetes-version=1.33".

Exit codes: 0 no error-severity finding (for fix: none left), 1 errors found (or more
warnings than --max-warnings), 2 usage or I/O failure.
${docs}
`;
}
