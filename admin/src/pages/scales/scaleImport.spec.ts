import { DEFAULT_ALERT_RULES } from '@xinqiao/shared';
import { alertRulesToText, checkAlertRulesText } from './alertRulesText';
import { describeScalePath, problemsFromDetails, reportFromError } from './problems';
import { describeDefinition, lineColumnAt, parseJsonText, parseScaleFile, scaleFileError } from './scaleImport';

describe('parseJsonText', () => {
  it('parses JSON, tolerating a byte order mark', () => {
    expect(parseJsonText('\uFEFF{"code":"phq-9"}')).toEqual({ ok: true, value: { code: 'phq-9' } });
  });

  it('locates a syntax error in Chinese', () => {
    const result = parseJsonText('{\n  "code": "x",\n  "version": 1,\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^不是有效的 JSON：第 4 行第 1 列附近有语法错误/);
      expect(result.error).not.toMatch(/Unexpected|Expected|position/);
    }
  });

  it('explains empty and truncated input', () => {
    expect(parseJsonText('  \n')).toEqual({ ok: false, error: '内容为空，请确认选择了正确的文件' });
    const cut = { ok: false, error: '不是有效的 JSON：内容不完整，可能缺少结尾的 }、] 或引号' };
    expect(parseJsonText('{"items": [1, 2')).toEqual(cut);
    expect(parseJsonText('{"title": "抑郁')).toEqual(cut);
    expect(parseJsonText('{"a": 1\n\n')).toEqual(cut);
  });

  it('uses the line and column Firefox reports', () => {
    const realParse = JSON.parse;
    JSON.parse = () => {
      throw new SyntaxError('JSON.parse: expected double-quoted property name at line 2 column 3 of the JSON data');
    };
    try {
      expect(parseJsonText('{\n  a: 1\n}')).toMatchObject({ ok: false, error: expect.stringContaining('第 2 行第 3 列附近') });
    } finally {
      JSON.parse = realParse;
    }
  });

  it('turns offsets into 1-based lines and columns', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});

describe('scale file', () => {
  it('refuses files that cannot be a scale before reading them', () => {
    expect(scaleFileError({ name: 'phq9.JSON', size: 2048 })).toBeNull();
    expect(scaleFileError({ name: 'phq9.xlsx', size: 2048 })).toBe('请选择 .json 格式的量表定义文件');
    expect(scaleFileError({ name: 'a.json', size: 0 })).toContain('文件为空');
    expect(scaleFileError({ name: 'a.json', size: 5 * 1024 * 1024 })).toContain('超过 1 MB');
  });

  it('accepts one definition object and says why anything else is refused', () => {
    expect(parseScaleFile('{"code":"gad-7","version":2}')).toEqual({ ok: true, definition: { code: 'gad-7', version: 2 } });
    expect(parseScaleFile('[{"code":"gad-7"}]')).toEqual({ ok: false, error: '文件内容应为一个量表定义对象（以 { 开头），一个文件只能包含一个量表' });
    const broken = parseScaleFile("{'code': 'gad-7'}");
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/^文件不是有效的 JSON：/);
  });

  it('names a definition for messages', () => {
    expect(describeDefinition({ title: '广泛性焦虑量表', code: 'gad-7', version: 2 })).toBe('「广泛性焦虑量表」（gad-7 第 2 版）');
    expect(describeDefinition({})).toBe('该量表');
  });
});

describe('server problems', () => {
  it('reads the details list of a 400 answer', () => {
    const details = [{ path: 'items[3].options[1].value', message: '应为整数' }, { path: '', message: '缺少 licence' }, 'junk', { path: 7, message: 'x' }];
    expect(problemsFromDetails(details)).toEqual([
      { path: 'items[3].options[1].value', message: '应为整数' },
      { path: '', message: '缺少 licence' },
      { path: '', message: 'x' },
    ]);
    expect(problemsFromDetails({ errors: [{ path: 'code', message: '格式不正确' }] })).toEqual([{ path: 'code', message: '格式不正确' }]);
    expect(problemsFromDetails(undefined)).toEqual([]);
  });

  it('reports a failed request with its message and details', () => {
    expect(reportFromError({ message: '量表定义有 1 处问题', details: [{ path: 'code', message: '必填' }] }, '导入失败')).toEqual({
      title: '量表定义有 1 处问题',
      problems: [{ path: 'code', message: '必填' }],
    });
    expect(reportFromError('boom', '导入失败')).toEqual({ title: '导入失败', problems: [] });
  });

  it('reads numbered parts of a scale path in Chinese', () => {
    expect(describeScalePath('items[3].options[1].value')).toBe('第 4 题 第 2 个选项');
    expect(describeScalePath('bands[0].max')).toBe('第 1 个结果分段');
    expect(describeScalePath('licence.name')).toBe('');
  });
});

describe('alert rules text', () => {
  it('round-trips the default rules', () => {
    expect(checkAlertRulesText(alertRulesToText(DEFAULT_ALERT_RULES))).toEqual({ ok: true, rules: DEFAULT_ALERT_RULES });
  });

  it('lists every rule problem with its path', () => {
    const text = JSON.stringify({ default: { ...DEFAULT_ALERT_RULES.default, otherConcern: 'orange' }, byScale: { 'phq-9': { colour: 'red' } } });
    const result = checkAlertRulesText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['default.otherConcern', 'byScale.phq-9.colour']);
  });

  it('reports a syntax error as a problem of the whole text', () => {
    const result = checkAlertRulesText('{"default": }');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0].path).toBe('');
      expect(result.problems[0].message).toMatch(/^内容不是有效的 JSON：/);
    }
  });
});
