// Container image references, split the way the container runtime reads them
// (distribution/reference): `[registry[:port]/]path[:tag][@digest]`. The first path component
// is a registry only when it has a `.` or `:` or is `localhost`, and the tag is after the last
// `:` of the LAST component, so `registry:5000/app` has no tag.
// https://kubernetes.io/docs/concepts/containers/images/#image-names

export interface ImageReference {
  registry?: string;
  /** Repository path without registry, tag or digest (`library/nginx`, `kgc-project/tomcat`). */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageReference(image: string): ImageReference | undefined {
  const text = image.trim();
  if (text.length === 0 || /\s/.test(text)) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (rest.length === 0) return undefined;
  return { registry, repository: rest, tag: tag === '' ? undefined : tag, digest: digest === '' ? undefined : digest };
}

/** The runtime pulls `:latest` when there is neither a tag nor a digest. */
export function pullsLatest(reference: ImageReference): boolean {
  if (reference.digest) return false;
  return reference.tag === undefined || reference.tag === 'latest';
}

/** What `imagePullPolicy` defaults to for this image (set once, when the object is created). */
export function defaultPullPolicy(reference: ImageReference): 'Always' | 'IfNotPresent' {
  // The defaulter looks at the tag only: `app:latest@sha256:…` still defaults to Always.
  const latest = reference.tag === 'latest' || (reference.tag === undefined && reference.digest === undefined);
  return latest ? 'Always' : 'IfNotPresent';
}

/** Looks like an unexpanded placeholder (`${IMAGE}`, `{{ .Values.image }}`, `$(TAG)`, `<your-image>`). */
export function looksTemplated(image: string): boolean {
  return /\$\{|\{\{|\$\(|[<>]/.test(image);
}
