// Resource quantities (`500m`, `1.5Gi`, `2e3`, `128974848`) as exact rationals, parsed the way
// apimachinery's resource.ParseQuantity reads them, so comparisons never suffer float rounding.
// https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/

export interface Quantity {
  /** value = numerator / denominator, denominator > 0. */
  numerator: bigint;
  denominator: bigint;
  /** The suffix as written (`Mi`, `m`, `e3`, ``). */
  suffix: string;
  /** The number part as written. */
  number: string;
}

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Parses a quantity written as a YAML string or number; undefined when it is not one. */
export function parseQuantity(raw: unknown): Quantity | undefined {
  let text: string;
  if (typeof raw === 'number' && Number.isFinite(raw)) text = numberText(raw);
  else if (typeof raw === 'string') text = raw.trim();
  else return undefined;
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const number = match[1];
  const suffix = match[2] ?? '';
  const negative = number.startsWith('-');
  const digits = number.replace(/^[+-]/, '');
  const [whole, fraction = ''] = digits.split('.');
  let numerator = BigInt((whole || '0') + fraction);
  let denominator = 10n ** BigInt(fraction.length);
  if (negative) numerator = -numerator;
  let exponent = 0;
  if (suffix in BINARY) numerator *= 1024n ** BigInt(BINARY[suffix]);
  else if (suffix in DECIMAL) exponent = DECIMAL[suffix];
  else exponent = Number(suffix.slice(1));
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  if (exponent > 0) numerator *= 10n ** BigInt(exponent);
  else if (exponent < 0) denominator *= 10n ** BigInt(-exponent);
  return { numerator, denominator, suffix, number };
}

/** Plain decimal text of a JS number (no `1e+21` surprises beyond what the regex accepts). */
function numberText(value: number): string {
  const text = String(value);
  return text.replace(/e\+?/, 'e');
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isWholeNumber(quantity: Quantity): boolean {
  return quantity.numerator % quantity.denominator === 0n;
}

export function isNegative(quantity: Quantity): boolean {
  return quantity.numerator < 0n;
}

/** How a quantity reads in a message: the manifest's own text. */
export function quantityText(raw: unknown): string {
  return typeof raw === 'number' ? numberText(raw) : String(raw);
}
