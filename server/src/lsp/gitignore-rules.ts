// What `.gitignore` files keep out of the workspace index: build output, vendored charts and
// rendered manifests that are not the repository's own. Git's own rules (nested files, negation,
// anchored and directory-only patterns) come from the `ignore` package, each file's patterns
// relative to its folder, as git reads them (https://git-scm.com/docs/gitignore).
import ignore, { type Ignore } from 'ignore';
import * as path from 'path';

/** Bytes of one `.gitignore` read at most: a bigger one is not a hand-written list of paths. */
export const MAX_GITIGNORE_BYTES = 256 * 1024;

interface FolderRules {
  folder: string;
  rules: Ignore;
}

/** The `.gitignore` rules in force in each folder walked, from the workspace folder down. */
export class GitignoreRules {
  private readonly byFolder = new Map<string, readonly FolderRules[]>();

  /** Records `folder`'s rules: its parent's plus those of its own `.gitignore` text, if any. */
  enter(folder: string, parent: string | undefined, gitignoreText: string | undefined): void {
    const inherited = (parent !== undefined ? this.byFolder.get(parent) : undefined) ?? [];
    const own = gitignoreText === undefined ? undefined : ignore().add(gitignoreText);
    this.byFolder.set(folder, own ? [...inherited, { folder, rules: own }] : inherited);
  }

  /** Whether git ignores `entry` (a file, or a folder when `isFolder`), by the rules of the nearest folder walked. */
  ignores(entry: string, isFolder = false): boolean {
    let folder = path.dirname(entry);
    let rules = this.byFolder.get(folder);
    while (rules === undefined) {
      const up = path.dirname(folder);
      if (up === folder) return false;
      folder = up;
      rules = this.byFolder.get(folder);
    }
    for (const { folder: base, rules: ruleSet } of rules) {
      const relative = path.relative(base, entry).split(path.sep).join('/');
      if (!relative || relative.startsWith('..')) continue;
      if (ruleSet.ignores(isFolder ? `${relative}/` : relative)) return true;
    }
    return false;
  }

  clear(): void {
    this.byFolder.clear();
  }
}
