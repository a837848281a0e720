// `/`-separated path arithmetic for kustomize entries. The engine may not import `path`; entries are
// relative to the kustomization's folder (kustomize's own rule), and front ends hand paths in with
// either separator, so everything here is normalised to `/` first.
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/

/** `\` to `/`, repeated and trailing slashes dropped (a root `/` or `C:/` stays). */
export function toSlashes(path: string): string {
  const slashed = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  return slashed.length > 1 && slashed.endsWith('/') && !/^[A-Za-z]:\/$/.test(slashed) ? slashed.slice(0, -1) : slashed;
}

/** The folder of a file path (`/`-separated). */
export function dirOf(path: string): string {
  const slashed = toSlashes(path);
  const slash = slashed.lastIndexOf('/');
  if (slash === -1) return '.';
  if (slash === 0) return '/';
  return slashed.slice(0, slash);
}

export function baseOf(path: string): string {
  const slashed = toSlashes(path);
  return slashed.slice(slashed.lastIndexOf('/') + 1);
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/** `entry` resolved against the folder `dir`: `.` and `..` segments folded, absolute entries kept. */
export function resolveEntry(dir: string, entry: string): string {
  const slashed = toSlashes(entry);
  const joined = isAbsolute(slashed) ? slashed : `${toSlashes(dir)}/${slashed}`;
  const drive = /^[A-Za-z]:/.exec(joined)?.[0] ?? '';
  const rooted = joined.slice(drive.length).startsWith('/');
  const parts: string[] = [];
  for (const part of joined.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const body = parts.join('/');
  return `${drive}${rooted ? '/' : ''}${body}` || '.';
}

/**
 * Entries kustomize fetches instead of reading from disk: URLs, `git@` addresses, `github.com/…`
 * style remote bases and anything with a `?ref=` query. Podwise never fetches them.
 * https://github.com/kubernetes-sigs/kustomize/blob/master/examples/remoteBuild.md
 */
export function isRemoteEntry(entry: string): boolean {
  return /^[a-z][\w+.-]*:\/\//i.test(entry) || entry.startsWith('git@') || /^[\w-]+(?:\.[\w-]+)+\//.test(entry) || /[?&](?:ref|version|timeout|submodules)=/.test(entry);
}
