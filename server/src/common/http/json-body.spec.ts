import { AppException } from '../errors/app-exception';
import { jsonDepthExceeds, parseJsonBody } from './json-body';

describe('JSON bodies', () => {
  it('measures nesting of objects and arrays, not brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":[{"b":[]}]}', 4)).toBe(false); // { [ { [ : 4 levels
    expect(jsonDepthExceeds('{"a":[{"b":[[]]}]}', 4)).toBe(true); // 5 levels
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[{{{{{' }), 1)).toBe(false);
    // An escaped quote does not end the string, so the brackets after it are still text.
    expect(jsonDepthExceeds(JSON.stringify({ a: 'say \\"[[[[[[' }), 1)).toBe(false);
    expect(jsonDepthExceeds('[1,[2],[3],[4]]', 2)).toBe(false); // siblings do not add up
  });

  it('parses, treats an empty body as none, and refuses broken or too deep JSON', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonBody('')).toBeUndefined();
    expect(() => parseJsonBody('{"a":')).toThrow(AppException);
    expect(() => parseJsonBody('['.repeat(33) + ']'.repeat(33))).toThrow('嵌套层级过深');
    expect(parseJsonBody('['.repeat(32) + ']'.repeat(32))).toBeInstanceOf(Array);
  });
});
