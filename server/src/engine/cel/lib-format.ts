// Kubernetes' format library for CEL: `format.dns1123Label().validate(x)` returns an optional list
// of errors (none when x is valid), and the optional's hasValue/value/orValue read it.
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-format-library
import { celFunc, celMethod, CelScalar, listType, type CelFunc, type CelValue } from '@bufbuild/cel';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from '../k8s/names';
import { OPTIONAL_ERRORS_TYPE, optionalErrors, optionalErrorsOf, textOf, textType, textValue } from './opaque-types';

const { STRING, BOOL, DYN } = CelScalar;
const FORMAT_TYPE = textType('Format');

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Prefix forms accept a trailing '-' (generateName); the check is the same on the trimmed value. */
function prefixed(check: (value: string) => string[]): (value: string) => string[] {
  return (value) => check(value.endsWith('-') ? value.slice(0, -1) : value);
}

const FORMATS: Record<string, (value: string) => string[]> = {
  dns1123Label: dns1123LabelErrors,
  dns1123Subdomain: dns1123SubdomainErrors,
  dns1035Label: dns1035LabelErrors,
  dns1123LabelPrefix: prefixed(dns1123LabelErrors),
  dns1123SubdomainPrefix: prefixed(dns1123SubdomainErrors),
  dns1035LabelPrefix: prefixed(dns1035LabelErrors),
  qualifiedName: qualifiedNameErrors,
  labelValue: labelValueErrors,
  uri: (value) => (/^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$|^\/\S*$/.test(value) ? [] : ['invalid URI']),
  uuid: (value) => (UUID.test(value) ? [] : ['does not match the UUID format']),
  byte: (value) => (BASE64.test(value) ? [] : ['invalid base64']),
  date: (value) => (DATE.test(value) ? [] : ['invalid date']),
  datetime: (value) => (DATE_TIME.test(value) ? [] : ['invalid datetime']),
};

export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATS);

export const FORMAT_FUNCS: readonly CelFunc[] = [
  ...FORMAT_NAMES.map((name) => celFunc(`format.${name}`, [], FORMAT_TYPE, () => textValue('Format', name) as never)),
  celMethod('validate', FORMAT_TYPE, [STRING], OPTIONAL_ERRORS_TYPE, function (this: CelValue, value: string) {
    const check = FORMATS[textOf(this)];
    if (!check) throw new Error('unknown format');
    return optionalErrors(check(value)) as never;
  }),
  celMethod('hasValue', OPTIONAL_ERRORS_TYPE, [], BOOL, function (this: CelValue) {
    return optionalErrorsOf(this).present;
  }),
  celMethod('value', OPTIONAL_ERRORS_TYPE, [], listType(STRING), function (this: CelValue) {
    const optional = optionalErrorsOf(this);
    if (!optional.present) throw new Error('optional.none() dereference');
    return optional.items;
  }),
  celMethod('orValue', OPTIONAL_ERRORS_TYPE, [DYN], DYN, function (this: CelValue, fallback: CelValue) {
    const optional = optionalErrorsOf(this);
    return (optional.present ? optional.items : fallback) as never;
  }),
];
