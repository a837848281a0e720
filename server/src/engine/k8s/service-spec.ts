// A Service spec as the API server validates it: after the v1 defaults (type ClusterIP,
// protocol TCP, sessionAffinity None) and after the create strategy copies `clusterIP` into an
// empty `clusterIPs`. Service rules read these values so that what they judge is what the
// API server judges. https://kubernetes.io/docs/concepts/services-networking/service/
import { asArray, asObject, asString, type JsonObject } from '../json';
import type { ObjectContext } from '../rule-types';
import { quoted } from './phrasing';

export interface ServiceView {
  spec: JsonObject;
  /** spec.type, defaulted to ClusterIP. */
  type: string;
  /** clusterIPs as validated: the written list, or [clusterIP] when only that is written. */
  clusterIPs: string[];
  /** True when clusterIPs is exactly ["None"]. */
  headless: boolean;
  /** `Service "web"`, for messages. */
  name: string;
}

/** The Service's spec with its defaults, or undefined for objects that are not core/v1 Services. */
export function serviceView(context: ObjectContext): ServiceView | undefined {
  if (context.kind !== 'Service' || context.apiVersion !== 'v1') return undefined;
  const spec = asObject(context.object.spec) ?? {};
  const type = asString(spec.type) || 'ClusterIP';
  const written = asArray(spec.clusterIPs).filter((ip): ip is string => typeof ip === 'string');
  const clusterIP = asString(spec.clusterIP) ?? '';
  const clusterIPs = written.length > 0 ? written : clusterIP !== '' ? [clusterIP] : [];
  return { spec, type, clusterIPs, headless: clusterIPs.length === 1 && clusterIPs[0] === 'None', name: context.name ? `Service ${quoted(context.name, 20)}` : 'Service' };
}

/** A port's protocol after defaulting (TCP). */
export function portProtocol(port: JsonObject): string {
  return asString(port.protocol) || 'TCP';
}

/** NodePort and LoadBalancer Services, and ClusterIP Services with external IPs, take outside traffic. */
export function externallyAccessible(view: ServiceView): boolean {
  if (view.type === 'NodePort' || view.type === 'LoadBalancer') return true;
  return view.type === 'ClusterIP' && asArray(view.spec.externalIPs).length > 0;
}
