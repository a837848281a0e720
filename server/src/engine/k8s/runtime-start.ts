// Runtimes known to start slowly, recognised from the image name, with a plausible first-start
// time. These are heuristics, not measurements of any one app: a JVM loads and JIT-compiles
// classes (Spring, Tomcat, Keycloak, Elasticsearch take tens of seconds on a small CPU limit), a
// database may replay its log or initialise a data directory before it listens, and model
// servers load gigabytes of weights. kubernetes.io suggests a startupProbe for such containers.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
import { parseImageReference } from './image-reference';

export interface SlowRuntime {
  /** The runtime as the image names it: "tomcat", "postgres", "aspnet". */
  name: string;
  /** The family and the name: "a JVM (tomcat)", "a database (postgres)". */
  label: string;
  /** Seconds a first start plausibly takes; a liveness budget under it may restart a healthy start. */
  startSeconds: number;
}

interface RuntimeFamily {
  kind: string;
  startSeconds: number;
  /** Image names (last repository component, or one of its dash-separated words). */
  names: readonly string[];
  /** Whole repository paths, for images whose last component is too generic (`dotnet/aspnet`). */
  repositories?: readonly string[];
}

const FAMILIES: readonly RuntimeFamily[] = [
  {
    kind: 'a JVM',
    startSeconds: 60,
    names: [
      'openjdk',
      'eclipse-temurin',
      'temurin',
      'amazoncorretto',
      'corretto',
      'ibm-semeru-runtimes',
      'adoptopenjdk',
      'tomcat',
      'jetty',
      'wildfly',
      'jboss',
      'keycloak',
      'elasticsearch',
      'opensearch',
      'logstash',
      'kafka',
      'zookeeper',
      'solr',
      'jenkins',
      'nexus3',
      'sonarqube',
      'neo4j',
      'spring',
      'springboot',
    ],
  },
  {
    kind: 'a database',
    startSeconds: 60,
    names: ['postgres', 'postgresql', 'postgis', 'mysql', 'mariadb', 'mongo', 'mongodb', 'cassandra', 'sqlserver', 'mssql'],
    repositories: ['mssql/server'],
  },
  { kind: 'a .NET runtime', startSeconds: 30, names: [], repositories: ['dotnet/aspnet', 'dotnet/runtime', 'dotnet/sdk'] },
  {
    kind: 'a model server',
    startSeconds: 120,
    names: ['pytorch', 'tensorflow', 'torchserve', 'tritonserver', 'vllm', 'vllm-openai', 'text-generation-inference', 'text-embeddings-inference'],
    repositories: ['tensorflow/serving'],
  },
];

const COMPANION_WORDS = new Set([
  'exporter',
  'operator',
  'proxy',
  'backup',
  'sidecar',
  'metrics',
  'dashboard',
  'ui',
  'cli',
  'client',
  'init',
  'migrate',
  'migrations',
  'tools',
  'utils',
  'bouncer',
  'pooler',
  'controller',
  'webhook',
]);

/** The slow-starting runtime an image runs, when its name says so. */
export function slowRuntimeOf(image: string): SlowRuntime | undefined {
  const reference = parseImageReference(image);
  if (!reference) return undefined;
  const repository = reference.repository.toLowerCase();
  const last = repository.slice(repository.lastIndexOf('/') + 1);
  const words = last.split(/[-_.]/);
  // postgres-exporter, kafka-operator, mysql-backup: a small tool next to the runtime, not the runtime.
  if (words.some((word) => COMPANION_WORDS.has(word))) return undefined;
  for (const family of FAMILIES) {
    if (family.repositories?.some((path) => repository === path || repository.endsWith(`/${path}`)))
      return { name: last, label: `${family.kind} (${last})`, startSeconds: family.startSeconds };
    const name = family.names.find((candidate) => candidate === last || words.includes(candidate));
    if (name !== undefined) return { name, label: `${family.kind} (${name})`, startSeconds: family.startSeconds };
  }
  return undefined;
}
