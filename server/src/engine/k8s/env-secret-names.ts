// Whether an environment variable's name says it holds a secret. Names are read as words, so a
// word inside another word does not count (MAX_INPUT_TOKENS counts tokens), and a name whose last
// word says it locates or identifies a secret (SECRET_ID, PASSWORD_FILE, TOKEN_URL) is not one.
// https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables

/** Words of an env name that name a secret itself (MAX_INPUT_TOKENS counts tokens: "tokens" is not one). */
const SECRET_WORDS = new Set(['secret', 'password', 'passwd', 'passphrase', 'token', 'apikey']);
/**
 * A last word that says the variable describes where, which or how a secret is found, not the
 * secret itself: SECRET_ID, VAULT_SECRET_NAME, TOKEN_URL, PASSWORD_FILE, TOKEN_TTL.
 */
const NOT_A_SECRET = new Set([
  'file',
  'files',
  'filename',
  'path',
  'dir',
  'name',
  'names',
  'url',
  'uri',
  'endpoint',
  'length',
  'ttl',
  'expiry',
  'timeout',
  'enabled',
  'id',
  'ids',
  'arn',
  'ref',
  'limit',
  'count',
  'size',
  'type',
  'mode',
  'header',
  'prefix',
  'version',
  'issuer',
  'audience',
  'duration',
  'lifetime',
  'seconds',
  'interval',
]);

/** The words of an env name: SNAKE_CASE, kebab-case and camelCase split, lower-cased. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** True when an env name says it holds a password, token or key (not a count, id or location of one). */
export function namesASecret(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || NOT_A_SECRET.has(last)) return false;
  return words.some((word, index) => SECRET_WORDS.has(word) || (word === 'api' && words[index + 1] === 'key'));
}
