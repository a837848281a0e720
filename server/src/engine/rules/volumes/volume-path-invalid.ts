// Paths inside volume sources: the files secret, configMap, downwardAPI and projected volumes
// write must be relative, without ".." elements and not start with ".."; a projected volume may
// not write one file twice; hostPath.path may not contain ".."; nfs.path is absolute;
// gitRepo.directory is relative without "..". A path that escapes the volume could write outside
// it, so the API server refuses it. core/validation.go validateKeyToPath,
// ValidateLocalNonReservedPath, validateProjectionSources, validateHostPathVolumeSource,
// validateNFSVolumeSource, validateGitRepoVolumeSource.
// https://kubernetes.io/docs/concepts/storage/projected-volumes/
import { objectItems } from '../../json';
import { volumePathProblems } from '../../k8s/volume-path-checks';
import { problemFinding, volumeLabel } from '../../k8s/volume-problems';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const volumePathInvalid: Rule = {
  meta: {
    id: 'volume-path-invalid',
    defaultSeverity: 'error',
    category: 'volumes',
    summary: 'A path inside a volume source is empty, absolute, escapes the volume with "..", or is written twice.',
    parity: ['pod-volumes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const { item, index } of objectItems(context.spec.volumes)) {
      const base = [...context.specPath, 'volumes', index];
      const label = volumeLabel(item, index);
      for (const problem of volumePathProblems(item)) findings.push(problemFinding(problem, base, label));
    }
    return findings;
  },
};
