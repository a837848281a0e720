// Path rules the API server applies inside volumes (core/validation.go validateLocalDescendingPath,
// validatePathNoBacksteps, ValidateLocalNonReservedPath). The API server runs on Linux, so only
// "/" separates path elements: a "\" is an ordinary character there.
// https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath

/** The upstream error for a path with a ".." element, or undefined. */
export function backstepProblem(path: string): string | undefined {
  return path.split('/').includes('..') ? "must not contain '..'" : undefined;
}

/** subPath, subPathExpr, gitRepo.directory: relative and free of ".." elements. */
export function descendingPathProblems(path: string): string[] {
  const problems: string[] = [];
  if (path.startsWith('/')) problems.push('must be a relative path');
  const backstep = backstepProblem(path);
  if (backstep) problems.push(backstep);
  return problems;
}

/**
 * Item paths of secret, configMap, downwardAPI and projected volumes: relative, no ".." element,
 * and not starting with ".." (the kubelet keeps its own `..data` links at the volume root).
 */
export function localPathProblems(path: string): string[] {
  const problems = descendingPathProblems(path);
  if (path.startsWith('..') && !path.startsWith('../')) problems.push("must not start with '..'");
  return problems;
}
