// The Kubernetes CEL library's opaque types (URL, IP, CIDR, Quantity, Semver, named formats, optional
// results) as tiny protobuf messages holding their text: the evaluator only knows lists, maps,
// scalars and messages, and a message type gives each its own `type()` and method dispatch.
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-cel-libraries
import { objectType, type CelObjectType, type CelValue } from '@bufbuild/cel';
import { create, createFileRegistry, type DescMessage, type FileRegistry } from '@bufbuild/protobuf';
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';

const TEXT_TYPES = ['URL', 'IP', 'CIDR', 'Quantity', 'Format', 'Semver'] as const;
export type TextTypeName = (typeof TEXT_TYPES)[number];

const OPTIONAL = 'kubernetes.OptionalErrors';

function stringField(name: string, number: number, repeated = false): Record<string, unknown> {
  return {
    name,
    number,
    jsonName: name,
    type: FieldDescriptorProto_Type.STRING,
    label: repeated ? FieldDescriptorProto_Label.REPEATED : FieldDescriptorProto_Label.OPTIONAL,
  };
}

const file = create(FileDescriptorProtoSchema, {
  name: 'podwise/kubernetes_cel.proto',
  package: 'kubernetes',
  syntax: 'proto3',
  messageType: [
    ...TEXT_TYPES.map((name) => ({ name, field: [stringField('value', 1)] })),
    {
      name: 'OptionalErrors',
      field: [{ name: 'present', number: 1, jsonName: 'present', type: FieldDescriptorProto_Type.BOOL, label: FieldDescriptorProto_Label.OPTIONAL }, stringField('items', 2, true)],
    },
  ],
});

export const OPAQUE_REGISTRY: FileRegistry = createFileRegistry(file, () => undefined);

function messageDesc(typeName: string): DescMessage {
  const desc = OPAQUE_REGISTRY.getMessage(typeName);
  if (!desc) throw new Error(`missing descriptor ${typeName}`);
  return desc;
}

const DESCS = new Map<TextTypeName, DescMessage>(TEXT_TYPES.map((name) => [name, messageDesc(`kubernetes.${name}`)]));
const OPTIONAL_DESC = messageDesc(OPTIONAL);

export function textType(name: TextTypeName): CelObjectType {
  return objectType(DESCS.get(name) as DescMessage);
}

export const OPTIONAL_ERRORS_TYPE: CelObjectType = objectType(OPTIONAL_DESC);

/** A new opaque value of type `name` holding `text`. */
export function textValue(name: TextTypeName, text: string): ReturnType<typeof create> {
  return create(DESCS.get(name) as DescMessage, { value: text } as never);
}

/** The optional list of errors `format.<name>().validate(value)` returns. */
export function optionalErrors(errors: readonly string[]): ReturnType<typeof create> {
  return create(OPTIONAL_DESC, { present: errors.length > 0, items: [...errors] } as never);
}

interface MessageHolder {
  message: unknown;
}

/** The text an opaque value holds ('' for anything else). */
export function textOf(value: CelValue): string {
  const message = (value as unknown as MessageHolder).message as { value?: unknown } | undefined;
  return typeof message?.value === 'string' ? message.value : '';
}

export function optionalErrorsOf(value: CelValue): { present: boolean; items: string[] } {
  const message = (value as unknown as MessageHolder).message as { present?: unknown; items?: unknown } | undefined;
  return { present: message?.present === true, items: Array.isArray(message?.items) ? (message.items as string[]) : [] };
}
