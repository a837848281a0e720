// securityContext.windowsOptions values the API server rejects: a gmsaCredentialSpecName that is
// not a DNS subdomain (it names a GMSACredentialSpec object), an empty or oversized
// gmsaCredentialSpec, a runAsUserName that is not [DOMAIN\]USER, and HostProcess Pods that mix
// HostProcess and ordinary containers or lack hostNetwork: true.
// core/validation.go validateWindowsSecurityContextOptions, validateWindowsHostProcessPod.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/
import { containersOf } from '../../containers';
import { asObject, asString, hasKey, objectItems, type JsonObject } from '../../json';
import { dns1123SubdomainErrors } from '../../k8s/names';
import { capitalize, describeContainer, fitMessage, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const NETBIOS_DOMAIN = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_DOMAIN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

export const windowsOptionsInvalid: Rule = {
  meta: {
    id: 'windows-options-invalid',
    defaultSeverity: 'error',
    category: 'security',
    summary: 'securityContext.windowsOptions has an invalid GMSA or runAsUserName value, or HostProcess containers are mixed or lack hostNetwork.',
    parity: ['pod-security-context'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const podOptions = asObject(asObject(context.spec.securityContext)?.windowsOptions);
    if (podOptions) checkOptions(findings, podOptions, [...context.specPath, 'securityContext', 'windowsOptions'], 'Pod securityContext');
    const podHostProcess = typeof podOptions?.hostProcess === 'boolean' ? podOptions.hostProcess : undefined;
    let hostProcessCount = 0;
    const refs = containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers']);
    for (const ref of refs) {
      const options = asObject(asObject(ref.container.securityContext)?.windowsOptions);
      const who = capitalize(describeContainer(ref));
      const path = [...ref.path, 'securityContext', 'windowsOptions'];
      if (options) checkOptions(findings, options, path, who);
      const own = typeof options?.hostProcess === 'boolean' ? options.hostProcess : undefined;
      if (podHostProcess !== undefined && own !== undefined && own !== podHostProcess) {
        findings.push({
          path: [...path, 'hostProcess'],
          target: 'value',
          message: `${who}: hostProcess ${own} differs from the Pod's hostProcess ${podHostProcess}`,
          detail: `The API server rejects it ("pod hostProcess value must be identical if both are specified, was ${podHostProcess}"). Remove the container's value or make them equal.`,
        });
      }
      if ((own ?? podHostProcess) === true) hostProcessCount += 1;
    }
    if (hostProcessCount > 0 && hostProcessCount !== refs.length) {
      findings.push({
        path: context.specPath,
        target: 'key',
        message: `Only ${hostProcessCount} of ${refs.length} containers are HostProcess containers`,
        detail:
          'The API server rejects it ("If pod contains any hostProcess containers then all containers must be HostProcess containers"). Set hostProcess: true on every container, or on the Pod.',
      });
    }
    if (hostProcessCount > 0 && context.spec.hostNetwork !== true) {
      findings.push({
        path: hasKey(context.spec, 'hostNetwork') ? [...context.specPath, 'hostNetwork'] : context.specPath,
        target: 'key',
        message: 'A Pod with HostProcess containers needs hostNetwork: true',
        detail: 'The API server rejects it ("hostNetwork must be true if pod contains any hostProcess containers").',
        // With hostNetwork every hostPort must equal its containerPort: the fix would trade one error for another.
        fixes: hostPortsDiffer(context.spec)
          ? []
          : [
              {
                title: 'Set hostNetwork: true',
                intents: [
                  hasKey(context.spec, 'hostNetwork')
                    ? { op: 'set', path: [...context.specPath, 'hostNetwork'], value: true }
                    : { op: 'insert', path: context.specPath, key: 'hostNetwork', value: true },
                ],
                preferred: true,
              },
            ],
      });
    }
    // With a long container name the message drops its "Container …:" prefix.
    return findings.map((finding) => ({ ...finding, message: fitMessage(finding.message, capitalize(finding.message.slice(finding.message.indexOf(': ') + 2))) }));
  },
};

function checkOptions(findings: RuleFinding[], options: JsonObject, path: FieldPath, who: string): void {
  const specName = asString(options.gmsaCredentialSpecName);
  if (specName !== undefined) {
    const errors = dns1123SubdomainErrors(specName);
    if (errors.length > 0)
      findings.push({
        path: [...path, 'gmsaCredentialSpecName'],
        target: 'value',
        message: `${who}: gmsaCredentialSpecName ${quoteShort(specName, 30)} is not a valid object name`,
        detail: `The API server rejects it: ${errors.join('; ')}. It names a GMSACredentialSpec object.`,
      });
  }
  const spec = asString(options.gmsaCredentialSpec);
  if (spec !== undefined && (spec === '' || spec.length > 64 * 1024)) {
    findings.push({
      path: [...path, 'gmsaCredentialSpec'],
      target: 'value',
      message: `${who}: gmsaCredentialSpec is ${spec === '' ? 'empty' : 'larger than 64 KiB'}`,
      detail: `The API server rejects it ("${spec === '' ? 'gmsaCredentialSpec cannot be an empty string' : 'gmsaCredentialSpec size must be under 64 KiB'}").`,
    });
  }
  const user = asString(options.runAsUserName);
  if (user === undefined) return;
  const problem = runAsUserNameProblem(user);
  if (problem)
    findings.push({
      path: [...path, 'runAsUserName'],
      target: 'value',
      message: `${who}: runAsUserName ${quoteShort(user, 30)} is invalid`,
      detail: `The API server rejects it ("${problem}"). Use USER or DOMAIN\\USER.`,
    });
}

function runAsUserNameProblem(value: string): string | undefined {
  if (value === '') return 'runAsUserName cannot be an empty string';
  if (CONTROL.test(value)) return 'runAsUserName cannot contain control characters';
  const parts = value.split('\\');
  if (parts.length > 2) return 'runAsUserName cannot contain more than one backslash';
  const [domain, user] = parts.length === 1 ? ['', parts[0]] : parts;
  if (domain.length >= 256) return "runAsUserName's Domain length must be under 256 characters";
  if (parts.length === 2 && !NETBIOS_DOMAIN.test(domain) && !DNS_DOMAIN.test(domain)) return "runAsUserName's Domain doesn't match the NetBios nor the DNS format";
  if (user === '') return "runAsUserName's User cannot be empty";
  if (user.length > 104) return "runAsUserName's User length must not be longer than 104 characters";
  if (/^[. ]+$/.test(user)) return "runAsUserName's User cannot contain only periods or spaces";
  if (/["/\\:;|=,+*?<>@[\]]/.test(user)) return 'runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]';
  return undefined;
}

/** True when a container port sets a hostPort other than its containerPort (invalid with hostNetwork). */
function hostPortsDiffer(spec: JsonObject): boolean {
  return containersOf(spec, [], ['initContainers', 'containers', 'ephemeralContainers']).some((ref) =>
    objectItems(ref.container.ports).some(({ item }) => item.hostPort !== undefined && item.hostPort !== 0 && item.hostPort !== item.containerPort),
  );
}
