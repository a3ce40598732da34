import { AppException } from '../errors/app-exception';

/** Deepest nesting of objects and arrays a JSON body may have; the deepest DTO (alert rules, scale definitions) needs 6. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` nests objects and arrays deeper than `max`. A scan of the text, so a hostile body is
 * refused before JSON.parse and the validators recurse into it (100,000 nested arrays overflow the stack).
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The body of an `application/json` request; an empty body is no body (clients POST actions such as publish without one). */
export function parseJsonBody(text: string): unknown {
  if (text === '') return undefined;
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw AppException.badRequest(`请求体嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`);
  try {
    return JSON.parse(text);
  } catch {
    throw AppException.badRequest('请求体不是合法的 JSON');
  }
}
