// A problem `yaml` or our own checks found in a document's YAML (parse.ts, merge-keys.ts).

export interface YamlProblem {
  code: string;
  message: string;
  /** Chunk-relative offsets. */
  start: number;
  end: number;
}
