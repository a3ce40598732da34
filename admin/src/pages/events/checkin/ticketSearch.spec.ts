import type { OfflineTicket } from '@xinqiao/shared';
import { nameMatches, phoneMatches, searchTickets, ticketMatches } from './ticketSearch';

const t = (code: string, name: string | null, phoneLast4: string | null, status: OfflineTicket['status'] = 'confirmed'): OfflineTicket => ({
  code,
  name,
  phoneLast4,
  status,
  checkedInAt: null,
});

describe('nameMatches', () => {
  it('fits the whole name, the surname or the given name to a masked name', () => {
    expect(nameMatches('张*明', '张小明')).toBe(true);
    expect(nameMatches('张*明', '张')).toBe(true);
    expect(nameMatches('张*明', '小明')).toBe(true);
    expect(nameMatches('张*明', '明')).toBe(true);
    expect(nameMatches('张*', '张三')).toBe(true);
    expect(nameMatches('欧**明', '欧阳小明')).toBe(true);
    expect(nameMatches('欧**明', ' 欧阳 ')).toBe(true);
  });

  it('does not match other names, longer queries or bare wildcards', () => {
    expect(nameMatches('张*明', '李小明')).toBe(false);
    expect(nameMatches('张*明', '张小红')).toBe(false);
    expect(nameMatches('张*明', '张小明明')).toBe(false);
    expect(nameMatches('张*明', '*')).toBe(false);
    expect(nameMatches(null, '张')).toBe(false);
  });
});

describe('phoneMatches', () => {
  it('matches the last four digits, part of them, or a whole number ending with them', () => {
    expect(phoneMatches('8000', '8000')).toBe(true);
    expect(phoneMatches('8000', '80')).toBe(true);
    expect(phoneMatches('8000', '138 0013 8000')).toBe(true);
    expect(phoneMatches('8000', '13800138001')).toBe(false);
    expect(phoneMatches(null, '8000')).toBe(false);
  });
});

describe('searchTickets', () => {
  const tickets = [t('A', '张*明', '8000'), t('B', '李*', '1234', 'cancelled'), t('C', '张*', '5678'), t('D', null, null)];

  it('lists everyone for an empty query, seat holders first', () => {
    const { rows, total } = searchTickets(tickets, '');
    expect(total).toBe(4);
    expect(rows[rows.length - 1].code).toBe('B');
  });

  it('routes digits to the phone and text to the name', () => {
    expect(
      searchTickets(tickets, '张')
        .rows.map((r) => r.code)
        .sort(),
    ).toEqual(['A', 'C']);
    expect(searchTickets(tickets, '1234').rows.map((r) => r.code)).toEqual(['B']);
    expect(ticketMatches(tickets[3], '张')).toBe(false);
  });

  it('caps the rows and tells how many fit', () => {
    const many = Array.from({ length: 80 }, (_, i) => t(`c${i}`, '张*', String(1000 + i)));
    const { rows, total } = searchTickets(many, '张', 50);
    expect(rows).toHaveLength(50);
    expect(total).toBe(80);
  });
});
