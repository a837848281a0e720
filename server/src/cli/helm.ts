// Helm chart templates (`<chart>/templates/**` next to a Chart.yaml) are Go templates, not
// manifests, even when a file happens to hold no `{{ }}`: the CLI skips them and says so.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const chartFolders = new Map<string, boolean>();

export function isHelmChartTemplate(absolute: string): boolean {
  let folder = path.dirname(absolute);
  for (let depth = 0; depth < 64; depth += 1) {
    if (path.basename(folder) === 'templates' && isChart(path.dirname(folder))) return true;
    const parent = path.dirname(folder);
    if (parent === folder) return false;
    folder = parent;
  }
  return false;
}

function isChart(folder: string): boolean {
  let known = chartFolders.get(folder);
  if (known === undefined) {
    known = existsSync(path.join(folder, 'Chart.yaml')) || existsSync(path.join(folder, 'Chart.yml'));
    chartFolders.set(folder, known);
  }
  return known;
}
