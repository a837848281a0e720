// A password, token or API key written as a literal env value sits in the manifest, in version
// control and in the object any reader of the Pod can see. Regular Pods should read it from a
// Secret (valueFrom.secretKeyRef). Static Pods cannot reference Secrets (the kubelet has no API
// objects for them), so there the value belongs in a root-only file on the node, mounted with
// hostPath and passed as <NAME>_FILE, which images such as mysql and postgres read.
// https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
// https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/
import { containersOf, type ContainerRef } from '../../containers';
import { asString, objectItems } from '../../json';
import { namesASecret } from '../../k8s/env-secret-names';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import { trimChars } from '../../k8s/trim-chars';
import type { PodSpecContext, Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const FLAG_VALUE = /^(true|false|yes|no|on|off|0|1)$/i;

export const envLiteralSecret: Rule = {
  meta: {
    id: 'env-literal-secret',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'An env var named like a password, token or key holds a literal value in the manifest.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const isStatic = context.env.isStaticPodManifest && context.kind === 'Pod';
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      for (const { item, index } of objectItems(ref.container.env)) {
        const name = asString(item.name);
        const value = item.value;
        if (!name || !namesASecret(name) || item.valueFrom !== undefined) continue;
        if (value === undefined || value === null || typeof value === 'object') continue;
        const text = String(value);
        if (text === '' || FLAG_VALUE.test(text) || /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(text)) continue;
        const envPath = [...ref.path, 'env', index];
        // A non-string value also has a schema type error on `value`; point at the name then, so
        // both findings stay visible.
        const at = typeof value === 'string' ? [...envPath, 'value'] : [...envPath, 'name'];
        findings.push(
          isStatic
            ? staticFinding(context, ref, envPath, name, at)
            : {
                path: at,
                target: 'value',
                message: `${capitalize(describeContainer(ref))}: ${quoteShort(name, 30)} holds a literal secret`,
                detail: `Anyone who can read this file or get the ${context.kind} can read it. Store it in a Secret and reference it with valueFrom.secretKeyRef.`,
                fixes: [secretRefFix(context, envPath, name)],
              },
        );
      }
    }
    return findings;
  },
};

function kebab(name: string): string {
  return trimChars(name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), '-').slice(0, 63) || 'secret';
}

function secretRefFix(context: PodSpecContext, envPath: (string | number)[], name: string): FixSpec {
  const secretName = `${kebab(context.name ?? 'app').slice(0, 240)}-secrets`;
  const key = kebab(name);
  return {
    title: `Read ${name} from Secret "${secretName}" (create it with kubectl create secret generic ${secretName} --from-literal=${key}=…)`,
    intents: [
      { op: 'rename', path: [...envPath, 'value'], newKey: 'valueFrom' },
      { op: 'set', path: [...envPath, 'value'], value: { secretKeyRef: { name: secretName, key } } },
    ],
    preferred: true,
  };
}

function staticFinding(context: PodSpecContext, ref: ContainerRef, envPath: (string | number)[], name: string, at: (string | number)[]): RuleFinding {
  const file = kebab(name);
  const taken = new Set(objectItems(context.spec.volumes).map(({ item }) => asString(item.name)));
  let volume = file;
  for (let n = 2; taken.has(volume); n += 1) volume = `${file.slice(0, 60)}-${n}`;
  const podName = kebab(context.name ?? 'pod');
  const hostFile = `/etc/kubernetes/secrets/${podName}/${file}`;
  const mountPath = `/run/secrets/${file}`;
  const fileVar = `${name}_FILE`;
  return {
    path: at,
    target: 'value',
    message: `${capitalize(describeContainer(ref))}: ${quoteShort(name, 30)} holds a literal secret`,
    detail:
      'Static Pods cannot reference Secrets, so put the value in a root-only file on the node ' +
      `(install -m 600 /dev/null ${hostFile}, then write the password into it), mount it with a hostPath volume, and pass its path as ${fileVar} ` +
      `(images such as mysql, mariadb and postgres read *_FILE variables; check that yours does).`,
    fixes: [
      {
        title: `Read ${name} from a file: ${fileVar}=${mountPath} (hostPath ${hostFile}, read-only)`,
        intents: [
          { op: 'set', path: [...envPath, 'name'], value: fileVar },
          { op: 'set', path: [...envPath, 'value'], value: mountPath },
          { op: 'append', path: [...ref.path, 'volumeMounts'], value: { name: volume, mountPath, readOnly: true } },
          { op: 'append', path: [...context.specPath, 'volumes'], value: { name: volume, hostPath: { path: hostFile, type: 'File' } } },
        ],
        preferred: true,
      },
    ],
  };
}
