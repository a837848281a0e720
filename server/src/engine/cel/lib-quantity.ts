// Kubernetes' quantity library for CEL (`quantity("500m").isLessThan(quantity("1"))`), on the
// engine's exact rational quantities.
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-quantity-library
import { celFunc, celMethod, CelScalar, type CelFunc, type CelValue } from '@bufbuild/cel';
import { compareQuantities, isWholeNumber, parseQuantity, type Quantity } from '../k8s/quantity';
import { textOf, textType, textValue } from './opaque-types';

const { STRING, BOOL, INT, DOUBLE } = CelScalar;
const QUANTITY_TYPE = textType('Quantity');
const INT64_MAX = 2n ** 63n - 1n;

function strictQuantity(text: string): Quantity | undefined {
  return text.trim() === text ? parseQuantity(text) : undefined;
}

function quantityOf(value: CelValue): Quantity {
  const quantity = strictQuantity(textOf(value));
  if (!quantity) throw new Error('invalid quantity');
  return quantity;
}

/** Exact decimal text of a quantity (denominators are powers of ten), readable by parseQuantity. */
function decimalText(numerator: bigint, denominator: bigint): string {
  const negative = numerator < 0n;
  const absolute = negative ? -numerator : numerator;
  const whole = absolute / denominator;
  let fraction = '';
  let rest = absolute % denominator;
  let guard = 0;
  while (rest !== 0n && guard++ < 40) {
    rest *= 10n;
    fraction += String(rest / denominator);
    rest %= denominator;
  }
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function combine(left: Quantity, right: Quantity, sign: bigint): CelValue {
  const numerator = left.numerator * right.denominator + sign * right.numerator * left.denominator;
  return textValue('Quantity', decimalText(numerator, left.denominator * right.denominator)) as never;
}

function fromInt(value: bigint): Quantity {
  return { numerator: value, denominator: 1n, suffix: '', number: String(value) };
}

export const QUANTITY_FUNCS: readonly CelFunc[] = [
  celFunc('quantity', [STRING], QUANTITY_TYPE, (text: string) => {
    if (!strictQuantity(text)) throw new Error(`quantities must match the regular expression: ${text}`);
    return textValue('Quantity', text) as never;
  }),
  celFunc('isQuantity', [STRING], BOOL, (text: string) => strictQuantity(text) !== undefined),
  celMethod('isInteger', QUANTITY_TYPE, [], BOOL, function (this: CelValue) {
    const quantity = quantityOf(this);
    return isWholeNumber(quantity) && quantity.numerator / quantity.denominator <= INT64_MAX;
  }),
  celMethod('asInteger', QUANTITY_TYPE, [], INT, function (this: CelValue) {
    const quantity = quantityOf(this);
    if (!isWholeNumber(quantity)) throw new Error('cannot convert value to integer');
    const value = quantity.numerator / quantity.denominator;
    if (value > INT64_MAX || value < -INT64_MAX - 1n) throw new Error('integer overflow');
    return value;
  }),
  celMethod('asApproximateFloat', QUANTITY_TYPE, [], DOUBLE, function (this: CelValue) {
    const quantity = quantityOf(this);
    return Number(quantity.numerator) / Number(quantity.denominator);
  }),
  celMethod('sign', QUANTITY_TYPE, [], INT, function (this: CelValue) {
    const { numerator } = quantityOf(this);
    return numerator > 0n ? 1n : numerator < 0n ? -1n : 0n;
  }),
  celMethod('compareTo', QUANTITY_TYPE, [QUANTITY_TYPE], INT, function (this: CelValue, other: CelValue) {
    return BigInt(compareQuantities(quantityOf(this), quantityOf(other)));
  }),
  celMethod('isGreaterThan', QUANTITY_TYPE, [QUANTITY_TYPE], BOOL, function (this: CelValue, other: CelValue) {
    return compareQuantities(quantityOf(this), quantityOf(other)) > 0;
  }),
  celMethod('isLessThan', QUANTITY_TYPE, [QUANTITY_TYPE], BOOL, function (this: CelValue, other: CelValue) {
    return compareQuantities(quantityOf(this), quantityOf(other)) < 0;
  }),
  celMethod('add', QUANTITY_TYPE, [QUANTITY_TYPE], QUANTITY_TYPE, function (this: CelValue, other: CelValue) {
    return combine(quantityOf(this), quantityOf(other), 1n) as never;
  }),
  celMethod('add', QUANTITY_TYPE, [INT], QUANTITY_TYPE, function (this: CelValue, other: bigint) {
    return combine(quantityOf(this), fromInt(other), 1n) as never;
  }),
  celMethod('sub', QUANTITY_TYPE, [QUANTITY_TYPE], QUANTITY_TYPE, function (this: CelValue, other: CelValue) {
    return combine(quantityOf(this), quantityOf(other), -1n) as never;
  }),
  celMethod('sub', QUANTITY_TYPE, [INT], QUANTITY_TYPE, function (this: CelValue, other: bigint) {
    return combine(quantityOf(this), fromInt(other), -1n) as never;
  }),
];
