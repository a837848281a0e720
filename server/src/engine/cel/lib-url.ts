// Kubernetes' URL library for CEL: url(), isURL() and the URL accessors. A URL must be absolute
// (with a scheme) or an absolute path, as the API server's library requires.
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-url-library
import { celFunc, celMethod, CelScalar, listType, mapType, type CelFunc, type CelValue } from '@bufbuild/cel';
import { textOf, textType, textValue } from './opaque-types';

const { STRING, BOOL } = CelScalar;
const URL_TYPE = textType('URL');

export interface ParsedUrl {
  scheme: string;
  host: string;
  path: string;
  query: string;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const PORT = /^\d*$/;

export function parseUrl(text: string): ParsedUrl | undefined {
  // Control characters and spaces make Go's url.Parse fail.
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x21 || code === 0x7f) return undefined;
  }
  let rest = text.split('#')[0];
  let scheme = '';
  const schemeMatch = SCHEME.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1];
    rest = rest.slice(schemeMatch[0].length);
  } else if (!rest.startsWith('/')) return undefined;
  let host = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?]/);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end < 0 ? '' : rest.slice(end + 2);
    host = authority.slice(authority.lastIndexOf('@') + 1);
    if (!validHost(host)) return undefined;
  } else if (scheme !== '' && !rest.startsWith('/')) {
    // An opaque URL (mailto:x): no host and no path.
    return { scheme, host: '', path: '', query: rest.includes('?') ? rest.slice(rest.indexOf('?') + 1) : '' };
  }
  const question = rest.indexOf('?');
  const path = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);
  if (/%(?![0-9a-fA-F]{2})/.test(path)) return undefined;
  return { scheme, host, path, query };
}

function validHost(host: string): boolean {
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close > 0 && (host.length === close + 1 || (host[close + 1] === ':' && PORT.test(host.slice(close + 2))));
  }
  const colon = host.lastIndexOf(':');
  return colon < 0 || PORT.test(host.slice(colon + 1));
}

function hostname(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

function port(host: string): string {
  const close = host.startsWith('[') ? host.indexOf(']') : -1;
  const colon = host.lastIndexOf(':');
  return colon > close ? host.slice(colon + 1) : '';
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function queryMap(query: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decode(equals < 0 ? part : part.slice(0, equals));
    const value = decode(equals < 0 ? '' : part.slice(equals + 1));
    result.set(key, [...(result.get(key) ?? []), value]);
  }
  return result;
}

function parsed(value: CelValue): ParsedUrl {
  const url = parseUrl(textOf(value));
  if (!url) throw new Error('invalid URL');
  return url;
}

export const URL_FUNCS: readonly CelFunc[] = [
  celFunc('url', [STRING], URL_TYPE, (text: string) => {
    if (!parseUrl(text)) throw new Error(`URL parse error during conversion from string: ${text}`);
    return textValue('URL', text) as never;
  }),
  celFunc('isURL', [STRING], BOOL, (text: string) => parseUrl(text) !== undefined),
  celFunc('string', [URL_TYPE], STRING, (value: CelValue) => textOf(value)),
  celMethod('getScheme', URL_TYPE, [], STRING, function (this: CelValue) {
    return parsed(this).scheme;
  }),
  celMethod('getHost', URL_TYPE, [], STRING, function (this: CelValue) {
    return parsed(this).host;
  }),
  celMethod('getHostname', URL_TYPE, [], STRING, function (this: CelValue) {
    return hostname(parsed(this).host);
  }),
  celMethod('getPort', URL_TYPE, [], STRING, function (this: CelValue) {
    return port(parsed(this).host);
  }),
  celMethod('getEscapedPath', URL_TYPE, [], STRING, function (this: CelValue) {
    return parsed(this).path;
  }),
  celMethod('getQuery', URL_TYPE, [], mapType(STRING, listType(STRING)), function (this: CelValue) {
    return queryMap(parsed(this).query);
  }),
];
