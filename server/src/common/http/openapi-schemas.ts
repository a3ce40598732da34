/**
 * Build time only (needs shared's TypeScript sources and the dev dependency ts-json-schema-generator):
 * turns exported `@xinqiao/shared` types into OpenAPI 3.0 component schemas. The result is written to
 * `openapi-schemas.json`, which the server loads at runtime (see openapi-document.ts).
 */
import { resolve } from 'path';
import {
  ChainNodeParser,
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  MappedTypeNodeParser,
  ObjectProperty,
  SchemaGenerator,
  type Config,
  type Context,
  type Definition,
  type UnionType,
} from 'ts-json-schema-generator';
import { SyntaxKind, type MappedTypeNode } from 'typescript';

export type SchemaObject = Record<string, unknown>;
export type SchemaMap = Record<string, SchemaObject>;

const SHARED_DIR = resolve(__dirname, '../../../../shared');

/** Keywords that mean the same in JSON Schema draft 7 and OpenAPI 3.0 schemas. */
const SAME = new Set([
  'type',
  'format',
  'description',
  'enum',
  'required',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
  'multipleOf',
]);

/**
 * The generator reads `-?` (as in `Required<T>`) like `?` and makes every property optional
 * (ts-json-schema-generator issue #189), so `interface CampaignDto extends Required<Omit<CampaignInput, …>>`
 * lost all its required fields. Here `-?` makes the mapped properties required, as TypeScript does.
 */
class MappedTypeParser extends MappedTypeNodeParser {
  protected override getProperties(node: MappedTypeNode, keyListType: UnionType, context: Context): ObjectProperty[] {
    const properties = super.getProperties(node, keyListType, context);
    if (node.questionToken?.kind !== SyntaxKind.MinusToken) return properties;
    return properties.map((p) => new ObjectProperty(p.getName(), p.getType(), true));
  }
}

/**
 * A JSON value rebuilt from objects and arrays of this realm: the generator copies values with
 * `structuredClone`, which makes them in Node's own realm, and a jest sandbox's deep equality tells
 * those apart from parsed JSON (the same `required` list printed the same yet compared unequal).
 */
const plain = (v: unknown): unknown =>
  // Not `v.map`: map makes its result with the constructor of `v`, so in `v`'s realm.
  Array.isArray(v) ? Array.from(v, plain) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;

/** A component name OpenAPI accepts (`Record<string, number>` -> `Record_string_number`). */
const componentName = (definition: string) =>
  decodeURIComponent(definition)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_|_$/g, '');

function isNull(s: Definition): boolean {
  return s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);
}

/** A draft-7 schema as an OpenAPI 3.0 schema; any keyword without a faithful translation fails the build. */
export function toOpenApi(schema: Definition | boolean, where: string): SchemaObject {
  if (typeof schema === 'boolean') return schema ? {} : { not: {} };
  const out: SchemaObject = {};
  let nullable = false;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') {
      out.$ref = `#/components/schemas/${componentName(String(value).replace('#/definitions/', ''))}`;
    } else if (key === 'type' && Array.isArray(value)) {
      const types = value.filter((t) => t !== 'null');
      nullable = types.length < value.length;
      if (types.length !== 1) throw new Error(`${where}: a union of types ${value.join(', ')} has no OpenAPI 3.0 form`);
      out.type = types[0];
    } else if (key === 'type' && value === 'null') {
      out.nullable = true;
      out.enum = [null];
    } else if (key === 'enum') {
      const values = Array.from(value as unknown[], plain).filter((v) => v !== null);
      nullable ||= values.length < (value as unknown[]).length;
      out.enum = values;
    } else if (key === 'const') {
      out.enum = [plain(value)];
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      const parts = value as Definition[];
      const rest = parts.filter((p) => !isNull(p));
      if (rest.length < parts.length) nullable = true;
      if (rest.length === 1 && key !== 'allOf') Object.assign(out, wrapRef(toOpenApi(rest[0], where)));
      else out[key] = rest.map((p) => toOpenApi(p, where));
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Definition>).map(([k, v]) => [k, toOpenApi(v, `${where}.${k}`)]));
    } else if (key === 'additionalProperties') {
      out.additionalProperties = typeof value === 'boolean' ? value : toOpenApi(value as Definition, `${where}[*]`);
    } else if (key === 'items') {
      // A tuple: OpenAPI 3.0 has no positional items, so each place may hold any of the tuple's types.
      out.items = Array.isArray(value) ? { anyOf: value.map((v: Definition) => toOpenApi(v, `${where}[]`)) } : toOpenApi(value as Definition, `${where}[]`);
    } else if (key === 'not') {
      out.not = toOpenApi(value as Definition, where);
    } else if (key === '$schema' || key === 'additionalItems' || key === 'propertyNames') {
      // draft-7 bookkeeping (or a key constraint OpenAPI 3.0 cannot state: keys of a Record are strings anyway)
    } else if (SAME.has(key)) {
      out[key] = plain(value);
    } else {
      throw new Error(`${where}: JSON Schema keyword "${key}" has no OpenAPI 3.0 translation`);
    }
  }
  if (nullable) {
    // A $ref beside `nullable` would be ignored, so wrap the $ref; the type it needs is added once
    // every component is known (withNullableTypes).
    return { ...wrapRef(out), nullable: true };
  }
  return out;
}

const wrapRef = (s: SchemaObject): SchemaObject =>
  '$ref' in s ? { allOf: [{ $ref: s.$ref }], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) } : s;

/**
 * Component schemas for the named shared types and every type they refer to. A name that is not an
 * exported type of `@xinqiao/shared` fails loudly.
 */
export function generateSharedSchemas(names: Iterable<string>): SchemaMap {
  const config = {
    ...DEFAULT_CONFIG,
    path: resolve(SHARED_DIR, 'src/index.ts'),
    tsconfig: resolve(SHARED_DIR, 'tsconfig.json'),
    expose: 'export',
    topRef: true,
    jsDoc: 'basic',
    skipTypeCheck: true,
    additionalProperties: false,
  } satisfies Config;
  const program = createProgram(config);
  // Parsers added here are asked before the built-in ones; the chain also parses the mapped types' parts.
  const parser = createParser(program, config, (chain) => {
    if (!(chain instanceof ChainNodeParser)) throw new Error('ts-json-schema-generator no longer augments a ChainNodeParser');
    chain.addNodeParser(new MappedTypeParser(chain, config.additionalProperties));
  });
  const generator = new SchemaGenerator(program, parser, createFormatter(config), config);
  const schemas: SchemaMap = {};
  const origins = new Map<string, string>();
  for (const name of [...names].sort()) {
    let definitions: Record<string, Definition | boolean>;
    try {
      definitions = generator.createSchema(name).definitions ?? {};
    } catch (e) {
      throw new Error(`"${name}" is not an exported type of @xinqiao/shared: ${(e as Error).message.split('\n')[0]}`, { cause: e });
    }
    for (const [definition, schema] of Object.entries(definitions)) {
      const component = componentName(definition);
      const seen = origins.get(component);
      if (seen !== undefined && seen !== definition) throw new Error(`shared types ${seen} and ${definition} would both be the component ${component}`);
      origins.set(component, definition);
      schemas[component] = toOpenApi(schema, component);
    }
  }
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withNullableTypes(schema, schemas, name)]));
}

const PARTS = ['allOf', 'anyOf', 'oneOf'] as const;

/** The one JSON type a schema's values have (following $refs and combined parts), if they share one. */
function typeOf(schema: SchemaObject, schemas: SchemaMap): unknown {
  if (schema.type !== undefined) return schema.type;
  if (typeof schema.$ref === 'string') return typeOf(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, schemas);
  const types = new Set(PARTS.flatMap((k) => ((schema[k] as SchemaObject[] | undefined) ?? []).map((p) => typeOf(p, schemas))));
  return types.size === 1 ? [...types][0] : undefined;
}

/**
 * OpenAPI 3.0 lets `nullable` apply only beside a `type` (Redocly's nullable-type-sibling), so a
 * nullable wrapper of $refs or unions gets the type its parts share; parts of different types have
 * no OpenAPI 3.0 form.
 */
function withNullableTypes(schema: SchemaObject, schemas: SchemaMap, where: string): SchemaObject {
  const out = Object.fromEntries(
    Object.entries(schema).map(([k, v]) => {
      if (k === 'properties')
        return [k, Object.fromEntries(Object.entries(v as SchemaMap).map(([p, s]) => [p, withNullableTypes(s, schemas, `${where}.${p}`)]))];
      if (k === 'items' || k === 'not' || (k === 'additionalProperties' && typeof v === 'object'))
        return [k, withNullableTypes(v as SchemaObject, schemas, where)];
      if ((PARTS as readonly string[]).includes(k)) return [k, (v as SchemaObject[]).map((p) => withNullableTypes(p, schemas, where))];
      return [k, v];
    }),
  );
  if (out.nullable !== true || out.type !== undefined) return out;
  const type = typeOf(out, schemas);
  if (type === undefined) throw new Error(`${where}: a value that may be null and be of several types has no OpenAPI 3.0 form`);
  // Beside a union, openapi-typescript reads `type` as one more member (`string | A | B`); inside
  // `allOf` it narrows the union (`string & (A | B)`), which is what the shared type says.
  const union = Object.entries(out).filter(([k]) => k === 'anyOf' || k === 'oneOf');
  if (!union.length) return { type, ...out };
  return { type, ...Object.fromEntries(Object.entries(out).filter(([k]) => k !== 'anyOf' && k !== 'oneOf')), allOf: [Object.fromEntries(union)] };
}
