// Kubernetes' semver library for CEL (1.33+): semver(), isSemver() and version comparisons,
// strict Semantic Versioning 2.0.0 unless asked to normalize (`v1.2` → 1.2.0).
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-semver-library
import { celFunc, celMethod, CelScalar, type CelFunc, type CelValue } from '@bufbuild/cel';
import { textOf, textType, textValue } from './opaque-types';

const { STRING, BOOL, INT } = CelScalar;
const SEMVER_TYPE = textType('Semver');

interface Semver {
  major: bigint;
  minor: bigint;
  patch: bigint;
  prerelease: string[];
}

const NUMBER = '(0|[1-9]\\d*)';
const IDENT = '[0-9A-Za-z-]+';
const STRICT = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?$`);

function normalize(text: string): string {
  const trimmed = text.startsWith('v') ? text.slice(1) : text;
  const cut = trimmed.search(/[-+]/);
  const core = cut < 0 ? trimmed : trimmed.slice(0, cut);
  const rest = cut < 0 ? '' : trimmed.slice(cut);
  const parts = core.split('.');
  if (parts.length > 3 || parts.some((part) => !/^\d+$/.test(part))) return text;
  while (parts.length < 3) parts.push('0');
  return parts.map((part) => String(BigInt(part))).join('.') + rest;
}

export function parseSemver(text: string, normalized = false): Semver | undefined {
  const match = STRICT.exec(normalized ? normalize(text) : text);
  if (!match) return undefined;
  const prerelease = match[4] ? match[4].split('.') : [];
  if (prerelease.some((part) => /^0\d+$/.test(part))) return undefined;
  return { major: BigInt(match[1]), minor: BigInt(match[2]), patch: BigInt(match[3]), prerelease };
}

function compareIdentifiers(left: string, right: string): number {
  const leftNumber = /^\d+$/.test(left);
  const rightNumber = /^\d+$/.test(right);
  if (leftNumber && rightNumber) return Math.sign(Number(BigInt(left) - BigInt(right)));
  if (leftNumber !== rightNumber) return leftNumber ? -1 : 1;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function compareSemver(left: Semver, right: Semver): number {
  for (const key of ['major', 'minor', 'patch'] as const) if (left[key] !== right[key]) return left[key] < right[key] ? -1 : 1;
  // A release sorts after its pre-releases (1.0.0-rc.1 < 1.0.0).
  if (left.prerelease.length === 0 && right.prerelease.length === 0) return 0;
  if (left.prerelease.length === 0) return 1;
  if (right.prerelease.length === 0) return -1;
  for (let index = 0; index < Math.min(left.prerelease.length, right.prerelease.length); index++) {
    const order = compareIdentifiers(left.prerelease[index], right.prerelease[index]);
    if (order !== 0) return order;
  }
  return Math.sign(left.prerelease.length - right.prerelease.length);
}

function semverOf(value: CelValue): Semver {
  const version = parseSemver(textOf(value));
  if (!version) throw new Error('invalid semver');
  return version;
}

function construct(text: string, normalized: boolean): CelValue {
  const version = parseSemver(text, normalized);
  if (!version) throw new Error(`could not parse ${JSON.stringify(text)} as semver`);
  const canonical = normalized ? normalize(text) : text;
  return textValue('Semver', canonical) as never;
}

export const SEMVER_FUNCS: readonly CelFunc[] = [
  celFunc('isSemver', [STRING], BOOL, (text: string) => parseSemver(text) !== undefined),
  celFunc('isSemver', [STRING, BOOL], BOOL, (text: string, normalized: boolean) => parseSemver(text, normalized) !== undefined),
  celFunc('semver', [STRING], SEMVER_TYPE, (text: string) => construct(text, false) as never),
  celFunc('semver', [STRING, BOOL], SEMVER_TYPE, (text: string, normalized: boolean) => construct(text, normalized) as never),
  celMethod('major', SEMVER_TYPE, [], INT, function (this: CelValue) {
    return semverOf(this).major;
  }),
  celMethod('minor', SEMVER_TYPE, [], INT, function (this: CelValue) {
    return semverOf(this).minor;
  }),
  celMethod('patch', SEMVER_TYPE, [], INT, function (this: CelValue) {
    return semverOf(this).patch;
  }),
  celMethod('compareTo', SEMVER_TYPE, [SEMVER_TYPE], INT, function (this: CelValue, other: CelValue) {
    return BigInt(compareSemver(semverOf(this), semverOf(other)));
  }),
  celMethod('isGreaterThan', SEMVER_TYPE, [SEMVER_TYPE], BOOL, function (this: CelValue, other: CelValue) {
    return compareSemver(semverOf(this), semverOf(other)) > 0;
  }),
  celMethod('isLessThan', SEMVER_TYPE, [SEMVER_TYPE], BOOL, function (this: CelValue, other: CelValue) {
    return compareSemver(semverOf(this), semverOf(other)) < 0;
  }),
];
