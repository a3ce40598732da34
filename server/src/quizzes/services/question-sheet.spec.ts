import { DEFAULT_QUESTION_BANK, questionProblems } from '@xinqiao/shared';
import { questionToRow, rowToQuestion, SHEET_HEADERS } from './question-sheet';

describe('question sheet rows', () => {
  it('round-trips every question of the default bank', () => {
    for (const { id, ...q } of DEFAULT_QUESTION_BANK) {
      const row = questionToRow({ ...q, code: id });
      expect(row).toHaveLength(SHEET_HEADERS.length);
      const back = rowToQuestion(row);
      expect(back).toEqual({ ok: true, question: { ...q, code: id } });
    }
  });

  it('reads a true/false row without 不知道 and a multiple-choice row with a Chinese comma', () => {
    const tf = rowToQuestion(['', '判断题', '4', '失眠不用管。', '', '', '', '', '', '', '错', '否', '长期失眠需要重视。']);
    expect(tf).toMatchObject({ ok: true, question: { kind: 'true_false', options: [{ key: 'T' }, { key: 'F' }], correct: ['F'] } });
    const multi = rowToQuestion(['', '多选题', '10', '缓解压力的方法有：', '运动', '倾诉', '酗酒', '', '', '', 'A，B', '', '科学减压。']);
    expect(multi).toMatchObject({ ok: true, question: { kind: 'multiple', correct: ['A', 'B'], options: [{ key: 'A' }, { key: 'B' }, { key: 'C' }] } });
    if (multi.ok) expect(questionProblems({ ...multi.question, id: 'x' })).toEqual([]);
  });

  it('says what is wrong with a bad row', () => {
    expect(rowToQuestion(['', '问答题', '1', '题干', '', '', '', '', '', '', '对', '', '解析'])).toEqual({
      ok: false,
      message: '题型“问答题”无效，应为 判断题、单选题 或 多选题',
    });
    expect(rowToQuestion(['', '判断题', '11', '题干', '', '', '', '', '', '', '对', '', '解析'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('1-10'),
    });
    expect(rowToQuestion(['', '判断题', '1', '题干', '', '', '', '', '', '', '也许', '', '解析'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('“对”或“错”'),
    });
    expect(rowToQuestion(['', '单选题', '1', '题干', '甲', '', '丙', '', '', '', 'A', '', '解析'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('空选项'),
    });
    expect(rowToQuestion(['', '单选题', '1', '', '甲', '乙', '', '', '', '', 'A', '', '解析'])).toEqual({ ok: false, message: '题干不能为空' });
  });
});
