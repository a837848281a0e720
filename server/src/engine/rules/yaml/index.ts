// The "yaml" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { yamlDuplicateKey } from './yaml-duplicate-key';
import { yamlFlattened } from './yaml-flattened';
import { yamlLimit } from './yaml-limit';
import { yamlSyntax } from './yaml-syntax';

export const YAML_RULES: readonly Rule[] = [yamlSyntax, yamlDuplicateKey, yamlFlattened, yamlLimit];
