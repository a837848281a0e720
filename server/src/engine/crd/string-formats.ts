// The `format`s of a CRD schema the API server checks on strings (k8s.io/kube-openapi strfmt),
// limited to those the bundled CRDs use and that can be judged exactly: date-time, date, byte,
// ipv4 and ipv6. Other formats (int32, int64, double: sizes, not string shapes) or ones we would
// have to guess at pass. https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#format
import { parseIp } from '../k8s/ip-address';

/** What a message says the value should look like, per checked format. */
export const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'date-time': 'an RFC 3339 date-time such as 2024-05-01T12:00:00Z',
  datetime: 'an RFC 3339 date-time such as 2024-05-01T12:00:00Z',
  date: 'a date such as 2024-05-01',
  byte: 'base64-encoded data',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

// Lenient on purpose: strfmt accepts several RFC 3339 / ISO 8601 spellings (lower-case t, a
// space, no seconds, no zone); only text that is no date-time at all is reported.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/;
// Go decodes standard, padded base64 and skips CR/LF.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isDateTime(text: string): boolean {
  const separator = text.search(/[Tt ]/);
  if (separator < 0) return false;
  const time = TIME.exec(text.slice(separator + 1));
  if (!isDate(text.slice(0, separator)) || !time) return false;
  return Number(time[1]) <= 23 && Number(time[2]) <= 59 && Number(time[3] ?? 0) <= 60;
}

/** False when `text` breaks `format`; true when it fits or the format is not checked. */
export function fitsFormat(format: string, text: string): boolean {
  switch (format) {
    case 'date-time':
    case 'datetime':
      return isDateTime(text);
    case 'date':
      return isDate(text);
    case 'byte':
      return BASE64.test(text.replace(/[\r\n]/g, ''));
    case 'ipv4':
      return text.includes('.') && !text.includes(':') && parseIp(text) !== undefined;
    case 'ipv6':
      return text.includes(':') && parseIp(text) !== undefined;
    default:
      return true;
  }
}
