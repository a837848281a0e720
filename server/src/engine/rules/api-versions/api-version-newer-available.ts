// A pre-release apiVersion (alpha/beta) of a built-in kind when the target also serves a stable
// version of it. Pre-release versions may change shape and are removed a few releases after the
// stable one ships. https://kubernetes.io/docs/reference/using-api/#api-versioning
import { apiRef, apiVersionsServing, builtInGroups, isPreRelease, isServed, pickReplacement, splitApiVersion, validUnder } from '../../k8s/api-catalog';
import { migrationFix } from '../../k8s/api-migration';
import { fitMessage } from '../../k8s/phrasing';
import { deprecationFor } from '../../k8s/deprecation-table';
import type { Rule } from '../../rule-types';
import { minorOf } from '../../versions';

export const apiVersionNewerAvailable: Rule = {
  meta: {
    id: 'api-version-newer-available',
    defaultSeverity: 'hint',
    category: 'api-versions',
    summary: 'A pre-release apiVersion is used although the target Kubernetes version serves a stable one.',
  },
  checkObject(context) {
    const version = context.env.kubernetesVersion;
    const entry = deprecationFor(context.apiVersion, context.kind);
    if (entry) {
      // Table entries: only before the deprecation starts (then api-version-deprecated speaks).
      if (entry.deprecated === undefined || minorOf(version) >= entry.deprecated) return [];
      const replacement = pickReplacement(entry, version, context.kind);
      if (!replacement || !isServed(version, replacement.apiVersion, replacement.kind ?? context.kind)) return [];
      const fix = migrationFix(context.object, context.kind, entry, replacement);
      return [
        {
          path: ['apiVersion'],
          target: 'value',
          message: fitMessage(
            `${apiRef(replacement.apiVersion, replacement.kind ?? context.kind)} is available; ${context.apiVersion} is deprecated in 1.${entry.deprecated}`,
            `${replacement.apiVersion} is available; ${context.apiVersion} is deprecated in 1.${entry.deprecated}`,
          ),
          detail: `${context.apiVersion} will be deprecated in 1.${entry.deprecated} and removed later. Move to ${apiRef(replacement.apiVersion, replacement.kind ?? context.kind)} now.`,
          fixes: fix ? [fix] : [],
        },
      ];
    }
    const { group, version: apiVersion } = splitApiVersion(context.apiVersion);
    if (!isPreRelease(apiVersion) || !builtInGroups().has(group) || !isServed(version, context.apiVersion, context.kind)) return [];
    const stable = apiVersionsServing(version, context.kind, group).find((candidate) => !isPreRelease(splitApiVersion(candidate).version));
    if (!stable) return [];
    // Stable versions sometimes reshape fields; offer the rewrite only when the object fits it as is.
    const fits = validUnder(context.object, stable, context.kind, version);
    return [
      {
        path: ['apiVersion'],
        target: 'value',
        message: fitMessage(
          `${context.kind} ${context.apiVersion} is pre-release; Kubernetes ${version} serves ${stable}`,
          `${context.apiVersion} is pre-release; Kubernetes ${version} serves ${stable}`,
        ),
        detail:
          `${context.apiVersion} is a pre-release version of ${context.kind}; Kubernetes ${version} serves the stable ${stable}. ` +
          `Pre-release versions can change and are removed after the stable one ships${fits ? '' : ' (the fields differ: check the stable schema before moving)'}.`,
        fixes: fits ? [{ title: `Move to ${stable}`, intents: [{ op: 'set', path: ['apiVersion'], value: stable }], preferred: true }] : [],
      },
    ];
  },
};
