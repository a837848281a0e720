// Helm chart templates (`<chart>/templates/**` next to a Chart.yaml) are Go templates, not
// manifests, even when a file happens to hold no `{{ }}`. The rule is classifyFile's, shared with
// the language server; the CLI's probe keeps its answers for the whole run.
import { classifyFile } from '../engine/config/classify-file';
import { createFileProbe } from '../node/file-probe';

/** Whether a file exists, cached for the run (a chart folder is asked once per run, not per file). */
export const cliFileProbe = createFileProbe();

export function isHelmChartTemplate(absolute: string): boolean {
  return classifyFile({ absolutePath: absolute, settings: { exclude: [], staticPodPaths: [] }, probe: cliFileProbe }) === 'helm-template';
}
