// cel-go's sets extension, part of the Kubernetes CEL environment since 1.29:
// sets.contains, sets.equivalent and sets.intersects over lists.
// https://kubernetes.io/docs/reference/using-api/cel/#cel-options-language-features-and-libraries
import { celFunc, CelScalar, listType, type CelFunc, type CelList } from '@bufbuild/cel';
import { sameValue } from './lib-lists';

const LIST = listType(CelScalar.DYN);
const { BOOL } = CelScalar;

function containsAll(list: CelList, wanted: CelList): boolean {
  const have = [...list];
  for (const item of wanted) if (!have.some((value) => sameValue(value, item))) return false;
  return true;
}

export const SET_FUNCS: readonly CelFunc[] = [
  celFunc('sets.contains', [LIST, LIST], BOOL, (list: CelList, wanted: CelList) => containsAll(list, wanted)),
  celFunc('sets.equivalent', [LIST, LIST], BOOL, (left: CelList, right: CelList) => containsAll(left, right) && containsAll(right, left)),
  celFunc('sets.intersects', [LIST, LIST], BOOL, (left: CelList, right: CelList) => {
    const have = [...left];
    for (const item of right) if (have.some((value) => sameValue(value, item))) return true;
    return false;
  }),
];
