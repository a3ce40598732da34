/**
 * Build time only (needs shared's TypeScript sources and the dev dependency ts-json-schema-generator):
 * turns exported `@xinqiao/shared` types into OpenAPI 3.0 component schemas. The result is written to
 * `openapi-schemas.json`, which the server loads at runtime (see openapi-document.ts).
 */
import { resolve } from 'path';
import { createGenerator, type Definition } from 'ts-json-schema-generator';

export type SchemaObject = Record<string, unknown>;
export type SchemaMap = Record<string, SchemaObject>;

const SHARED_DIR = resolve(__dirname, '../../../../shared');

/** Keywords that mean the same in JSON Schema draft 7 and OpenAPI 3.0 schemas. */
const SAME = new Set([
  'type', 'format', 'description', 'enum', 'required', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'default', 'multipleOf',
]);

/** A component name OpenAPI accepts (`Record<string, number>` -> `Record_string_number`). */
const componentName = (definition: string) => decodeURIComponent(definition).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_|_$/g, '');

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
      const values = (value as unknown[]).filter((v) => v !== null);
      nullable ||= values.length < (value as unknown[]).length;
      out.enum = values;
    } else if (key === 'const') {
      out.enum = [value];
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
      out[key] = value;
    } else {
      throw new Error(`${where}: JSON Schema keyword "${key}" has no OpenAPI 3.0 translation`);
    }
  }
  if (nullable) {
    // `nullable` needs a type in OpenAPI 3.0; a $ref beside it would be ignored, so wrap the $ref.
    return { ...wrapRef(out), nullable: true };
  }
  return out;
}

const wrapRef = (s: SchemaObject): SchemaObject => ('$ref' in s ? { allOf: [{ $ref: s.$ref }], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) } : s);

/**
 * Component schemas for the named shared types and every type they refer to. A name that is not an
 * exported type of `@xinqiao/shared` fails loudly.
 */
export function generateSharedSchemas(names: Iterable<string>): SchemaMap {
  const generator = createGenerator({
    path: resolve(SHARED_DIR, 'src/index.ts'),
    tsconfig: resolve(SHARED_DIR, 'tsconfig.json'),
    expose: 'export',
    topRef: true,
    jsDoc: 'basic',
    skipTypeCheck: true,
    additionalProperties: false,
  });
  const schemas: SchemaMap = {};
  const origins = new Map<string, string>();
  for (const name of [...names].sort()) {
    let definitions: Record<string, Definition | boolean>;
    try {
      definitions = generator.createSchema(name).definitions ?? {};
    } catch (e) {
      throw new Error(`"${name}" is not an exported type of @xinqiao/shared: ${(e as Error).message.split('\n')[0]}`);
    }
    for (const [definition, schema] of Object.entries(definitions)) {
      const component = componentName(definition);
      const seen = origins.get(component);
      if (seen !== undefined && seen !== definition) throw new Error(`shared types ${seen} and ${definition} would both be the component ${component}`);
      origins.set(component, definition);
      schemas[component] = toOpenApi(schema, component);
    }
  }
  for (const schema of Object.values(schemas)) typeNullableRefs(schema, schemas);
  return schemas;
}

/**
 * A nullable reference (`{ allOf: [$ref], nullable: true }`) gets the type of what it refers to
 * beside it: OpenAPI 3.0 gives `nullable` a meaning only next to `type` (Redocly's nullable-type-sibling).
 */
export function typeNullableRefs(node: unknown, components: SchemaMap): void {
  if (Array.isArray(node)) return node.forEach((n) => typeNullableRefs(n, components));
  if (!node || typeof node !== 'object') return;
  const s = node as SchemaObject;
  const only = Array.isArray(s.allOf) && s.allOf.length === 1 ? (s.allOf[0] as { $ref?: unknown }).$ref : undefined;
  if (s.nullable === true && s.type === undefined && typeof only === 'string') {
    const type = components[only.replace('#/components/schemas/', '')]?.type;
    if (typeof type === 'string') s.type = type;
  }
  for (const value of Object.values(s)) typeNullableRefs(value, components);
}
