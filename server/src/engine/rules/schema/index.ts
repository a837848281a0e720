// The "schema" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { schemaCel } from './schema-cel';
import { schemaEnum } from './schema-enum';
import { schemaFormat } from './schema-format';
import { schemaIndentationLost } from './schema-indentation-lost';
import { schemaPattern } from './schema-pattern';
import { schemaRequired } from './schema-required';
import { schemaTooMany } from './schema-too-many';
import { schemaType } from './schema-type';
import { schemaUnknownField } from './schema-unknown-field';

export const SCHEMA_RULES: readonly Rule[] = [
  schemaUnknownField,
  schemaType,
  schemaRequired,
  schemaEnum,
  schemaFormat,
  schemaTooMany,
  schemaIndentationLost,
  schemaPattern,
  schemaCel,
];
