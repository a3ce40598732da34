/** Reading a scale definition file the administrator picked, before it is sent for import. */

/** Far above any real scale (a 300-item scale is ~100 kB); keeps a wrong file from freezing the tab. */
export const SCALE_FILE_MAX_BYTES = 1024 * 1024;

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: string };

/** 1-based line and column of a 0-based character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** 0-based offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i += 1) offset += lines[i].length + 1;
  return offset + column - 1;
}

/**
 * Where JSON.parse stopped, from its (engine-specific, English) message: Chrome and Node say
 * "at position N" (newer ones add "(line L column C)"), Firefox "at line L column C". Safari says
 * neither.
 */
function errorOffset(message: string, text: string): number | null {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return offsetOf(text, Number(lc[1]), Number(lc[2]));
  const pos = /position (\d+)/i.exec(message);
  return pos ? Number(pos[1]) : null;
}

/** JSON.parse with a zh-CN explanation instead of the engine's English error. */
export function parseJsonText(text: string): JsonParseResult {
  // Editors on Windows often save UTF-8 with a byte order mark, which JSON.parse rejects.
  const source = text.replace(/^\uFEFF/, '');
  if (!source.trim()) return { ok: false, error: '内容为空，请确认选择了正确的文件' };
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const offset = errorOffset(message, source);
    // Stopping at the very end means the text was cut short rather than mistyped.
    if (/unexpected end|end of data|unterminated/i.test(message) || (offset !== null && offset >= source.trimEnd().length)) {
      return { ok: false, error: '不是有效的 JSON：内容不完整，可能缺少结尾的 }、] 或引号' };
    }
    const at = offset === null ? null : lineColumnAt(source, offset);
    const where = at ? `第 ${at.line} 行第 ${at.column} 列附近` : '';
    return { ok: false, error: `不是有效的 JSON：${where}有语法错误，请检查括号、引号和逗号（JSON 不允许注释和末尾多余的逗号）` };
  }
}

/** A zh-CN reason not to read the picked file at all, or null. */
export function scaleFileError(file: { name: string; size: number }): string | null {
  if (!/\.json$/i.test(file.name)) return '请选择 .json 格式的量表定义文件';
  if (file.size === 0) return '文件为空，请确认选择了正确的文件';
  if (file.size > SCALE_FILE_MAX_BYTES) return '文件超过 1 MB，不像是量表定义文件，请确认选择了正确的文件';
  return null;
}

export type ScaleFileResult = { ok: true; definition: Record<string, unknown> } | { ok: false; error: string };

/**
 * The file's text -> the definition to send. Only the shape is checked here; the server validates
 * the content and answers with every problem it finds.
 */
export function parseScaleFile(text: string): ScaleFileResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, error: `文件${parsed.error}` };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: '文件内容应为一个量表定义对象（以 { 开头），一个文件只能包含一个量表' };
  }
  return { ok: true, definition: value as Record<string, unknown> };
}

/** How an imported definition introduces itself in messages: 「标题」（code 第 N 版）. */
export function describeDefinition(definition: Record<string, unknown>): string {
  const title = typeof definition.title === 'string' ? `「${definition.title}」` : '';
  const code = typeof definition.code === 'string' ? definition.code : '';
  const version = typeof definition.version === 'number' ? `第 ${definition.version} 版` : '';
  const meta = [code, version].filter(Boolean).join(' ');
  return `${title}${meta ? `（${meta}）` : ''}` || '该量表';
}
