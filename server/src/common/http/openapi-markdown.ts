import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** Everything in docs/api.md below this line is generated from docs/openapi.json; above it is written by hand. */
export const GENERATED_MARKER = '<!-- Generated from docs/openapi.json by `pnpm --filter @xinqiao/server openapi`; do not edit below this line. -->';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

function typeName(schema: SchemaObject | ReferenceObject, pages: Set<string>): string {
  if ('$ref' in schema) {
    const name = refName(schema.$ref);
    return pages.has(name) ? `Page<${name.replace(/Page$/, '')}>` : name;
  }
  if (schema.type === 'array' && schema.items) return `${typeName(schema.items, pages)}[]`;
  return schema.type ?? 'object';
}

/** The success answer: status, and the shared type or media type of its body. */
function answerOf(operation: OperationObject, pages: Set<string>): string {
  const [status, response] = Object.entries(operation.responses).find(([s]) => s.startsWith('2')) ?? [];
  if (!status) return '';
  const content = (response as ResponseObject).content ?? {};
  const json = content['application/json']?.schema;
  const body = json
    ? `\`${typeName(json, pages)}\``
    : Object.keys(content)
        .map((m) => `文件 ${m}`)
        .join(', ');
  return body ? `${status} ${body}` : status;
}

function whoOf(operation: OperationObject): string {
  const access = (operation as OperationObject & { 'x-access'?: { who: string; permissions?: string[]; anyOf?: string[] } })['x-access'];
  if (!access) return '';
  const all = access.permissions?.map((p) => `\`${p}\``).join(' + ');
  const any = access.anyOf?.map((p) => `\`${p}\``).join(' or ');
  return [access.who, all, any && `any of ${any}`].filter(Boolean).join(': ');
}

const errorsOf = (operation: OperationObject) =>
  Object.keys(operation.responses)
    .filter((s) => /^[45]/.test(s))
    .join(' ');
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** One section per tag: every operation with its method, path, caller, summary, answer and error statuses. */
export function renderOperations(doc: OpenAPIObject): string {
  const pages = new Set(
    Object.entries(doc.components?.schemas ?? {})
      .filter(([name, s]) => name.endsWith('Page') && (s as SchemaObject).properties?.items)
      .map(([name]) => name),
  );
  const byTag = new Map<string, string[]>();
  for (const path of Object.keys(doc.paths).sort()) {
    for (const method of METHODS) {
      const operation = doc.paths[path][method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'other';
      const row = `| ${method.toUpperCase()} | ${cell(path)} | ${cell(whoOf(operation))} | ${cell(operation.summary ?? '')} | ${cell(answerOf(operation, pages))} | ${errorsOf(operation)} |`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const sections = [...byTag.keys()]
    .sort()
    .map((tag) => [`### ${tag}`, '', '| method | path | who | summary | answer | errors |', '|---|---|---|---|---|---|', ...byTag.get(tag)!].join('\n'));
  return `## Operations\n\n${sections.join('\n\n')}\n`;
}

/** docs/api.md: the hand-written part kept as it is, the generated reference after the marker. */
export function renderApiMarkdown(doc: OpenAPIObject, current: string): string {
  const at = current.indexOf(GENERATED_MARKER);
  const handWritten = (at < 0 ? current : current.slice(0, at)).trimEnd();
  return `${handWritten}\n\n${GENERATED_MARKER}\n\n${renderOperations(doc)}`;
}
