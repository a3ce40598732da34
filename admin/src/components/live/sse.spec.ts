import { noticeAction, parseSse } from './sse';

describe('parseSse', () => {
  it('splits complete events, skips comments and keeps the unfinished rest', () => {
    const { events, rest } = parseSse('retry: 5000\n: connected\n\nid: 7\nevent: notice\ndata: {"a":1}\n\n: keepalive\n\nevent: notice\ndata: {"b"');
    expect(events).toEqual([{ event: 'notice', data: '{"a":1}', id: '7' }]);
    expect(rest).toBe('event: notice\ndata: {"b"');
    expect(parseSse(`${rest}:2}\n\n`).events).toEqual([{ event: 'notice', data: '{"b":2}', id: null }]);
  });

  it('joins data lines and accepts CRLF', () => {
    expect(parseSse('data: one\r\ndata: two\r\n\r\n')).toEqual({ events: [{ event: 'message', data: 'one\ntwo', id: null }], rest: '' });
  });
});

describe('noticeAction', () => {
  it('asks to claim an alert, else to look', () => {
    expect(noticeAction('/alerts/17')).toBe('查看并认领');
    expect(noticeAction('/notifications')).toBe('查看');
  });
});
