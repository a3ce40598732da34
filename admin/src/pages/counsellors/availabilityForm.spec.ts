import { blockProblems, exceptionProblems, toBlockInputs, toExceptionInput, weeklyHoursText, blockText } from './availabilityForm';

const profile = { modes: ['in_person', 'phone'] as ('in_person' | 'phone')[], stationIds: [3, 5] };

describe('blockProblems', () => {
  it('accepts a week where only different days overlap in time', () => {
    expect(
      blockProblems(
        [
          { weekday: 1, start: '09:00', end: '12:00', mode: 'in_person', stationId: 3 },
          { weekday: 2, start: '09:00', end: '12:00', mode: 'phone', stationId: null },
          // Touching is not overlapping.
          { weekday: 1, start: '12:00', end: '13:00', mode: 'phone', stationId: null },
        ],
        profile,
      ),
    ).toEqual([]);
  });

  it('names the row for unfinished rows, missing stations, other stations and overlaps on the same day', () => {
    expect(
      blockProblems(
        [
          { weekday: 2, start: '09:00', end: '12:00', mode: 'in_person', stationId: 3 },
          { weekday: 2, start: '11:00', end: '13:00', mode: 'phone' },
          { weekday: 3, start: '14:00', mode: 'in_person' },
          { weekday: 4, start: '14:00', end: '13:00', mode: 'in_person', stationId: 9 },
        ],
        profile,
      ),
    ).toEqual([
      '第2行：与当天的其他时间段重叠',
      '第3行：请选择开始和结束时间',
      '第3行：面询须选择站点',
      '第4行：所选站点不在该咨询师的服务站点中',
      '第4行：开始时间须早于结束时间',
    ]);
  });

  it('refuses a mode the profile does not offer', () => {
    expect(blockProblems([{ weekday: 5, start: '09:00', end: '10:00', mode: 'phone' }], { modes: ['in_person'], stationIds: [3] })).toEqual([
      '第1行：该咨询师未开通电话咨询，请先在资质信息中勾选',
    ]);
  });
});

describe('inputs', () => {
  it('sorts the week by day and start, a phone block without station as null', () => {
    expect(
      toBlockInputs([
        { weekday: 3, start: '14:00', end: '17:00', mode: 'phone' },
        { weekday: 1, start: '14:00', end: '17:00', mode: 'in_person', stationId: 5 },
        { weekday: 1, start: '09:00', end: '12:00', mode: 'in_person', stationId: 3 },
      ]),
    ).toEqual([
      { weekday: 1, start: '09:00', end: '12:00', mode: 'in_person', stationId: 3 },
      { weekday: 1, start: '14:00', end: '17:00', mode: 'in_person', stationId: 5 },
      { weekday: 3, start: '14:00', end: '17:00', mode: 'phone', stationId: null },
    ]);
  });

  it('counts hours: 3 h + 2.5 h', () => {
    expect(
      weeklyHoursText([
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '16:30' },
      ]),
    ).toBe('每周 5.5 小时');
  });

  it('writes a block in one line', () => {
    expect(blockText({ weekday: 2, start: '09:00', end: '12:00', mode: 'in_person', stationId: 3 }, () => '萱花社区心理咨询室')).toBe(
      '周二 09:00-12:00 面询 · 萱花社区心理咨询室',
    );
  });
});

describe('exceptions', () => {
  it('turns a day off into no blocks, keeping the note', () => {
    const v = { date: '2026-12-24', off: true, blocks: [{ start: '09:00', end: '12:00', mode: 'phone' as const }], note: ' 外出培训 ' };
    expect(exceptionProblems(v, profile)).toEqual([]);
    expect(toExceptionInput(v)).toEqual({ date: '2026-12-24', blocks: [], note: '外出培训' });
  });

  it('asks for blocks when the day is not off, and checks them as one day', () => {
    expect(exceptionProblems({ date: '2026-12-24', off: false, blocks: [] }, profile)).toEqual(['请添加至少一个可预约时段，或选择“全天休息”']);
    expect(
      exceptionProblems(
        {
          date: '2026-12-24',
          off: false,
          blocks: [
            { start: '09:00', end: '12:00', mode: 'phone' },
            { start: '10:00', end: '11:00', mode: 'in_person', stationId: 5 },
          ],
        },
        profile,
      ),
    ).toEqual(['第2行：与当天的其他时间段重叠']);
  });
});
