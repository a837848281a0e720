// The contract every rule module implements. One rule, one module, one stable kebab-case id.
import type { JsonObject } from './json';
import type { ParityAreaId } from './k8s/parity-areas';
import type { PodSecurityLevel } from '../shared/settings';
import type { RunObject } from './run-objects';
import type { KustomizeRole } from './kustomize/kustomize-role';
import type { DocumentKind } from './parse';
import type { FieldPath, KubernetesVersion, RuleFinding, Severity } from './types';

export type RuleCategory =
  | 'schema'
  | 'yaml'
  | 'api-versions'
  | 'probes'
  | 'lifecycle'
  | 'shutdown'
  | 'containers'
  | 'ports'
  | 'volumes'
  | 'environment'
  | 'resources'
  | 'pod-policy'
  | 'metadata'
  | 'workloads'
  | 'batch'
  | 'services'
  | 'networking'
  | 'storage'
  | 'autoscaling'
  | 'disruption'
  | 'references'
  | 'kustomize'
  | 'static-pods'
  | 'images'
  | 'security'
  | 'pod-security'
  | 'suppression'
  | 'configuration'
  | 'internal';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in hovers and docs indexes. */
  summary: string;
  category: RuleCategory;
  /** Object kinds the rule looks at; omitted means every kind that carries a Pod spec. */
  kinds?: readonly string[];
  /** First Kubernetes version (inclusive) the rule applies to. */
  minVersion?: KubernetesVersion;
  /** Last Kubernetes version (inclusive) the rule applies to. */
  maxVersion?: KubernetesVersion;
  /** Runs only on files the kubelet reads as static-Pod manifests. */
  staticPodOnly?: boolean;
  /** Off unless a user turns it on (policy-dependent advice). */
  enabledByDefault?: boolean;
  /** API-server validation areas this rule reproduces (docs/parity.md is generated from them). */
  parity?: readonly ParityAreaId[];
}

/** Where the engine is checking: target version and what kind of file this is. */
export interface CheckEnvironment {
  kubernetesVersion: KubernetesVersion;
  /** The file lives in a kubelet manifest directory (or says `# podwise: static-pod`). */
  isStaticPodManifest: boolean;
  /** Path of the file, when there is one (stdin and untitled documents have none). */
  filePath?: string;
  /** Rules run after the built-in ones (tests use it to prove that a crashing rule is visible). */
  extraRules?: readonly Rule[];
  /** The Pod Security Standard to check against when no Namespace says otherwise (default baseline). */
  podSecurity?: PodSecurityLevel;
  /** Objects that other files of the same run define (run-objects.ts: the kinds references resolve to). */
  runObjects?: readonly RunObject[];
  /**
   * Setting `workspaceIsComplete`: the run holds every object, so a reference to one it lacks is a
   * warning (the references rules raise their info findings through the finding's `severity`).
   */
  workspaceIsComplete?: boolean;
  /** What the file is to kustomize (a kustomization, a patch, a resource it labels); kustomize/kustomize-role.ts. */
  kustomize?: KustomizeRole;
  /** Rules not to run (rule-enablement.ts); undefined: every rule runs. */
  enablement?: RuleEnablement;
}

/**
 * The rules an analysis leaves out because every finding they make would be dropped. It relies on
 * one contract: a rule reports under its own id (RuleFinding.ruleId is for the engine's own
 * findings: schema, YAML, internal errors).
 */
export interface RuleEnablement {
  /** Ids of the rules that are not run, and whose findings are not placed. */
  disabled: ReadonlySet<string>;
  /** Short and equal for equal sets: part of the cache keys of checked documents and rule lists. */
  key: string;
}

/** One Kubernetes object: a YAML document with apiVersion and kind, or an item of a List. */
export interface ObjectContext {
  env: CheckEnvironment;
  object: JsonObject;
  apiVersion: string;
  kind: string;
  name?: string;
  documentIndex: number;
  /** Index among the Kubernetes objects of the file (0 for the first object). */
  objectIndex: number;
  /**
   * Where the object sits in its document: [] (or unset) for a document that is the object,
   * ['items', i] for an item of a List (list-items.ts). Rules report paths from the object itself;
   * the engine adds this prefix when it places their findings and fixes.
   */
  rootPath?: FieldPath;
}

/** A Pod spec found in an object: a Pod's `spec`, or a workload's Pod template. */
export interface PodSpecContext extends ObjectContext {
  spec: JsonObject;
  /** Path of the PodSpec from the document root, e.g. ['spec', 'template', 'spec']. */
  specPath: FieldPath;
  /** Path of the Pod metadata (template metadata for workloads). */
  metadataPath: FieldPath;
  podMetadata: JsonObject | undefined;
  /** True for workload templates (validated as templates: a few Pod-only checks differ). */
  isTemplate: boolean;
}

/** Every Kubernetes object of a file, for rules that look across documents. */
export interface FileContext {
  env: CheckEnvironment;
  objects: readonly ObjectContext[];
  podSpecs: readonly PodSpecContext[];
  /** Documents in the file, Kubernetes or not (static-Pod rules count them). */
  documentCount: number;
  /** What each document is, by document index: Kubernetes object, other YAML, template or empty. */
  documentKinds: readonly DocumentKind[];
}

/**
 * A finding from a cross-document rule names its document, and the object it is about when it
 * can: a List holds several objects in one document, and the finding's path (from that object)
 * is placed under the object's `rootPath`. Without `objectIndex` the engine takes the document's
 * only object, or the one in which most of the path exists.
 */
export interface FileRuleFinding extends RuleFinding {
  documentIndex: number;
  objectIndex?: number;
}

export interface Rule {
  meta: RuleMeta;
  /** Once per Kubernetes object whose kind matches `meta.kinds` (all objects if unset). */
  checkObject?(context: ObjectContext): RuleFinding[];
  /** Once per Pod spec: Pods and every workload template. */
  checkPodSpec?(context: PodSpecContext): RuleFinding[];
  /** Once per file, after all documents. */
  checkFile?(context: FileContext): FileRuleFinding[];
}
