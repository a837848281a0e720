// Kubernetes' list library for CEL: isSorted, sum, min, max, indexOf, lastIndexOf.
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-list-library
import { celMethod, CelScalar, isCelList, isCelMap, listType, type CelFunc, type CelList, type CelValue } from '@bufbuild/cel';

const LIST = listType(CelScalar.DYN);
const { DYN, BOOL, INT } = CelScalar;

type Comparable = bigint | number | string | boolean;

function isComparable(value: CelValue): value is Comparable {
  return typeof value === 'bigint' || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

/** -1, 0 or 1; throws when the two values do not order (the API server's "no such overload"). */
function compare(left: CelValue, right: CelValue): number {
  if (!isComparable(left) || !isComparable(right)) throw new Error('no such overload');
  const numeric = (typeof left === 'bigint' || typeof left === 'number') && (typeof right === 'bigint' || typeof right === 'number');
  if (!numeric && typeof left !== typeof right) throw new Error('no such overload');
  if (typeof left === 'bigint' && typeof right === 'bigint') return left < right ? -1 : left > right ? 1 : 0;
  const a = typeof left === 'bigint' ? Number(left) : left;
  const b = typeof right === 'bigint' ? Number(right) : right;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** CEL equality (numbers across int and double) for the values a custom resource holds. */
export function sameValue(left: CelValue, right: CelValue): boolean {
  if (isCelList(left) && isCelList(right)) {
    if (left.size !== right.size) return false;
    for (let index = 0; index < left.size; index++) if (!sameValue(left.get(index) as CelValue, right.get(index) as CelValue)) return false;
    return true;
  }
  if (isCelMap(left) && isCelMap(right)) {
    if (left.size !== right.size) return false;
    for (const [key, value] of left) {
      const other = right.get(key);
      if (other === undefined || !sameValue(value, other)) return false;
    }
    return true;
  }
  if (!isComparable(left) || !isComparable(right)) return left === right;
  try {
    return compare(left, right) === 0;
  } catch {
    return false;
  }
}

function items(list: CelList): CelValue[] {
  return [...list];
}

function extreme(list: CelList, sign: number): CelValue {
  const values = items(list);
  if (values.length === 0) throw new Error('min/max of an empty list');
  let best = values[0];
  for (const value of values.slice(1)) if (compare(value, best) * sign > 0) best = value;
  return best;
}

function sum(list: CelList): bigint | number {
  const values = items(list);
  if (values.every((value) => typeof value === 'bigint')) return (values as bigint[]).reduce((total, value) => total + value, 0n);
  if (values.every((value) => typeof value === 'number')) return (values as number[]).reduce((total, value) => total + value, 0);
  throw new Error('no such overload');
}

export const LIST_FUNCS: readonly CelFunc[] = [
  celMethod('isSorted', LIST, [], BOOL, function (this: CelList) {
    const values = items(this);
    for (let index = 1; index < values.length; index++) if (compare(values[index - 1], values[index]) > 0) return false;
    return true;
  }),
  celMethod('sum', LIST, [], DYN, function (this: CelList) {
    return sum(this);
  }),
  celMethod('min', LIST, [], DYN, function (this: CelList) {
    return extreme(this, -1);
  }),
  celMethod('max', LIST, [], DYN, function (this: CelList) {
    return extreme(this, 1);
  }),
  celMethod('indexOf', LIST, [DYN], INT, function (this: CelList, wanted: CelValue) {
    return BigInt(items(this).findIndex((value) => sameValue(value, wanted)));
  }),
  celMethod('lastIndexOf', LIST, [DYN], INT, function (this: CelList, wanted: CelValue) {
    const values = items(this);
    for (let index = values.length - 1; index >= 0; index--) if (sameValue(values[index], wanted)) return BigInt(index);
    return -1n;
  }),
];
