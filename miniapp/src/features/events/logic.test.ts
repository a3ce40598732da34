import { EVENT_REGISTRATION_CONSENT_VERSION } from '@xinqiao/shared';
import { SCREEN_CODE, TOKEN, eventDetail, eventSummary, registration } from '../../../test/events';
import { audiencesText, formatEventTime, formatMoment, seatsState, signupWindowText } from './display';
import { EXPIRED_CODE_MESSAGE, checkinFailure, refusalReason, signUpFailure } from './errors';
import { DEFAULT_EVENT_FILTERS, EVENTS_PAGE_SIZE, eventListRequest, filterRegionId, rangeEnd, type EventFilters } from './filters';
import { qrRows } from './qr';
import {
  EMPTY_DETAILS_FORM,
  consentText,
  detailsFormFrom,
  detailsProblems,
  myEventStatus,
  opensTicket,
  registrationView,
  toDetails,
  withdrawConfirmation,
} from './registration';
import { checkinUrl, eventDetailUrl, ticketUrl } from './routes';
import { decodeScene, entryFromCode, entryFromParams, scannedText } from './scene';
import { acceptedTemplateIds } from './subscribe';
import { ticketHolder } from './ticket';

/** Monday 2026-11-23 10:00 China time; the fixture event is on Wednesday 25th, 14:00-15:30. */
const NOW = new Date('2026-11-23T02:00:00Z');
const china = (iso: string) => new Date(`${iso}+08:00`);

describe('list filters', () => {
  it('ends this week on next Monday and this month on the 1st, China time', () => {
    expect(rangeEnd('all', NOW)).toBeNull();
    expect(rangeEnd('week', NOW)).toEqual(china('2026-11-30T00:00:00'));
    expect(rangeEnd('week', china('2026-11-29T23:59:00'))).toEqual(china('2026-11-30T00:00:00'));
    // Sunday in UTC, already Monday in China: the week is the one starting that Monday.
    expect(rangeEnd('week', new Date('2026-11-29T17:00:00Z'))).toEqual(china('2026-12-07T00:00:00'));
    expect(rangeEnd('month', NOW)).toEqual(china('2026-12-01T00:00:00'));
    expect(rangeEnd('month', china('2026-12-31T23:00:00'))).toEqual(china('2027-01-01T00:00:00'));
  });

  it('asks around the home region by default, everywhere without the account, or around a chosen community', () => {
    expect(eventListRequest(DEFAULT_EVENT_FILTERS, 4, 1, NOW)).toEqual({ query: { page: 1, pageSize: EVENTS_PAGE_SIZE, regionId: 4 }, auth: 'optional' });
    // Nothing known about the resident: the server decides (their region when signed in, else everywhere).
    expect(eventListRequest(DEFAULT_EVENT_FILTERS, null, 2, NOW)).toEqual({ query: { page: 2, pageSize: EVENTS_PAGE_SIZE }, auth: 'optional' });
    const all: EventFilters = { placeType: 'school', region: { kind: 'all' }, range: 'week' };
    expect(eventListRequest(all, 4, 1, NOW)).toEqual({
      query: { page: 1, pageSize: EVENTS_PAGE_SIZE, placeType: 'school', to: '2026-11-29T16:00:00.000Z' },
      auth: 'none',
    });
    const picked: EventFilters = { placeType: null, region: { kind: 'region', id: 9, name: '红河社区' }, range: 'month' };
    expect(eventListRequest(picked, 4, 1, NOW).query).toEqual({ page: 1, pageSize: EVENTS_PAGE_SIZE, regionId: 9, to: '2026-11-30T16:00:00.000Z' });
    expect(filterRegionId({ kind: 'home' }, null)).toBeNull();
  });
});

describe('display', () => {
  it('writes event times in China time, with the year only when it is not this one', () => {
    expect(formatEventTime('2026-11-25T06:00:00.000Z', '2026-11-25T07:30:00.000Z', NOW)).toBe('11月25日 周三 14:00-15:30');
    expect(formatEventTime('2026-11-25T06:00:00.000Z', '2026-11-26T01:00:00.000Z', NOW)).toBe('11月25日 14:00 至 11月26日 09:00');
    expect(formatEventTime('2027-01-04T01:00:00.000Z', '2027-01-04T02:00:00.000Z', NOW)).toBe('2027年1月4日 周一 09:00-10:00');
    expect(formatEventTime('bad', 'bad', NOW)).toBe('');
    expect(formatMoment('2026-11-24T10:00:00.000Z', NOW)).toBe('11月24日 18:00');
    expect(formatMoment(null, NOW)).toBe('');
  });

  it('says how many seats are left, or that the waiting list is open', () => {
    expect(seatsState({ seatsLeft: 12, waitlistOpen: false })).toEqual({ text: '剩余 12 个名额', tone: 'open' });
    expect(seatsState({ seatsLeft: 0, waitlistOpen: true })).toEqual({ text: '已满，可候补', tone: 'waitlist' });
    // Seats freed while people queue go to the queue first.
    expect(seatsState({ seatsLeft: 2, waitlistOpen: true }).text).toBe('已满，可候补');
    expect(seatsState({ seatsLeft: 0, waitlistOpen: false })).toEqual({ text: '名额已满', tone: 'full' });
  });

  it('describes the sign-up window and the audience', () => {
    expect(signupWindowText(eventSummary(), NOW)).toBe('即日起至 11月25日 14:00');
    expect(signupWindowText(eventSummary({ signupOpensAt: '2026-11-24T01:00:00.000Z', signupClosesAt: '2026-11-24T10:00:00.000Z' }), NOW)).toBe(
      '11月24日 09:00 起至 11月24日 18:00',
    );
    expect(audiencesText(['employee', 'parent'])).toBe('企业职工、家长');
    expect(audiencesText([])).toBe('所有居民');
  });
});

describe('registrationView', () => {
  const view = (overrides: Parameters<typeof eventDetail>[0], now = NOW) => registrationView(eventDetail(overrides), now);

  it('offers sign-up, the waiting list, or nothing, by seats and the sign-up window', () => {
    expect(view({})).toMatchObject({ status: { label: '报名中', tone: 'open' }, actions: ['signup'], checkinNote: null });
    expect(view({ seatsLeft: 0, waitlistOpen: true })).toMatchObject({ status: { label: '名额已满，可候补' }, actions: ['waitlist'] });
    expect(view({ seatsLeft: 0 })).toMatchObject({ status: { label: '名额已满' }, actions: [] });
    expect(view({ signupOpensAt: '2026-11-24T01:00:00.000Z' })).toMatchObject({
      status: { label: '报名未开始' },
      note: '报名将于 11月24日 09:00 开始',
      actions: [],
    });
    expect(view({ signupClosesAt: '2026-11-23T01:00:00.000Z' })).toMatchObject({ status: { label: '报名已截止' }, actions: [] });
  });

  it('shows a confirmed seat with its ticket, cancellable until the cut-off', () => {
    const confirmed = view({ myRegistration: registration() });
    expect(confirmed.status).toEqual({ label: '已报名', tone: 'ok' });
    expect(confirmed.actions).toEqual(['ticket', 'cancel']);
    expect(confirmed.note).toContain('请在 11月25日 14:00 前取消报名');
    expect(confirmed.checkinNote).toContain('活动开始前 1 小时起可扫描现场签到码签到（11月25日 13:00 起）');
    expect(view({ myRegistration: registration(), cancelClosesAt: '2026-11-23T01:00:00.000Z' })).toMatchObject({ actions: ['ticket'], note: null });
  });

  it('opens self check-in from an hour before the start to half an hour after the end', () => {
    const at = (iso: string) => china(iso);
    expect(view({ myRegistration: registration() }, at('2026-11-25T13:30:00')).actions).toEqual(['ticket', 'cancel', 'checkin']);
    expect(view({ myRegistration: registration() }, at('2026-11-25T14:30:00')).actions).toEqual(['ticket', 'checkin']);
    expect(view({ myRegistration: registration() }, at('2026-11-25T12:59:00')).actions).not.toContain('checkin');
    // Walk-ins: sign-up has closed at the start, seats remain.
    expect(view({}, at('2026-11-25T14:10:00'))).toMatchObject({ status: { label: '报名已截止' }, actions: ['checkin'] });
    expect(view({ seatsLeft: 0 }, at('2026-11-25T14:10:00')).actions).toEqual([]);
    expect(view({ status: 'published' }, at('2026-11-25T15:50:00'))).toMatchObject({ status: { label: '活动已结束' }, actions: ['checkin'] });
    expect(view({ myRegistration: registration() }, at('2026-11-25T16:01:00'))).toMatchObject({ status: { label: '活动已结束' }, actions: [] });
  });

  it('shows the waiting list place and an offer with its deadline', () => {
    const waiting = view({ seatsLeft: 0, waitlistOpen: true, myRegistration: registration({ status: 'waitlisted', waitlistPosition: 2, ticket: null }) });
    expect(waiting).toMatchObject({ status: { label: '候补中', tone: 'wait' }, actions: ['leaveWaitlist'] });
    expect(waiting.note).toContain('你排在候补第 2 位');
    const offered = view({ myRegistration: registration({ status: 'offered', offerExpiresAt: '2026-11-23T14:00:00.000Z', ticket: null }) });
    expect(offered).toMatchObject({ status: { label: '候补到位待确认', tone: 'offer' }, actions: ['accept', 'decline'] });
    expect(offered.note).toContain('请在 11月23日 22:00 前确认');
  });

  it('lets a resident sign up again after cancelling or a lapsed offer', () => {
    expect(view({ myRegistration: registration({ status: 'cancelled', ticket: null }) })).toMatchObject({
      status: { label: '已取消报名' },
      note: '如仍想参加，可以重新报名。',
      actions: ['signup'],
    });
    expect(view({ seatsLeft: 0, waitlistOpen: true, myRegistration: registration({ status: 'expired', ticket: null }) })).toMatchObject({
      status: { label: '候补名额已过期' },
      note: '如仍想参加，可以加入候补。',
      actions: ['waitlist'],
    });
    expect(view({ signupClosesAt: '2026-11-23T01:00:00.000Z', myRegistration: registration({ status: 'cancelled', ticket: null }) })).toMatchObject({
      note: '报名已截止。',
      actions: [],
    });
  });

  it('shows attendance and cancelled events', () => {
    expect(view({ myRegistration: registration({ checkedInAt: '2026-11-25T05:50:00.000Z' }) })).toMatchObject({
      status: { label: '已签到' },
      note: '签到时间：11月25日 13:50',
      actions: ['ticket'],
    });
    expect(view({ status: 'cancelled', myRegistration: registration() })).toMatchObject({ status: { label: '活动已取消' }, actions: [] });
  });
});

describe('我的活动', () => {
  it('labels each registration and opens the ticket of an upcoming seat', () => {
    const e = eventSummary();
    expect(myEventStatus(e, registration(), NOW)).toEqual({ label: '已报名', tone: 'ok' });
    expect(myEventStatus(e, registration({ status: 'waitlisted', waitlistPosition: 3 }), NOW).label).toBe('候补第 3 位');
    expect(myEventStatus(e, registration({ status: 'offered' }), NOW).label).toBe('候补到位，待确认');
    expect(myEventStatus(e, registration({ status: 'cancelled' }), NOW).label).toBe('已取消报名');
    expect(myEventStatus({ ...e, status: 'cancelled' }, registration(), NOW).label).toBe('活动已取消');
    const after = china('2026-11-26T00:00:00');
    expect(myEventStatus(e, registration(), after).label).toBe('未签到');
    expect(myEventStatus(e, registration({ checkedInAt: '2026-11-25T05:50:00.000Z' }), after).label).toBe('已签到');
    expect(opensTicket(e, registration(), NOW)).toBe(true);
    expect(opensTicket(e, registration(), after)).toBe(false);
    expect(opensTicket(e, registration({ status: 'waitlisted', ticket: null }), NOW)).toBe(false);
  });
});

describe('sign-up details', () => {
  it('asks only for the fields the event needs, with a consent that is never pre-ticked', () => {
    expect(detailsProblems(EMPTY_DETAILS_FORM, ['name', 'phone'])).toEqual(['请填写姓名', '请填写手机号', '请阅读并勾选同意报名信息使用说明']);
    expect(detailsProblems({ name: '张三', phone: '1380013', consent: true }, ['name', 'phone'])).toEqual(['手机号应为 11 位手机号码']);
    expect(detailsProblems({ name: '张'.repeat(33), phone: '', consent: true }, ['name'])).toEqual(['姓名请不超过 32 个字']);
    expect(detailsProblems(EMPTY_DETAILS_FORM, [])).toEqual([]);
    expect(detailsFormFrom(registration({ status: 'cancelled' }))).toEqual({ name: '张小明', phone: '13800138000', consent: false });
  });

  it('sends only the asked-for details, normalised, with the consent version', () => {
    const form = { name: ' 张三 ', phone: '+86 138-0013-8000', consent: true };
    expect(toDetails(form, ['name', 'phone'])).toEqual({ name: '张三', phone: '13800138000', consentVersion: EVENT_REGISTRATION_CONSENT_VERSION });
    expect(toDetails(form, ['name'])).toEqual({ name: '张三', consentVersion: EVENT_REGISTRATION_CONSENT_VERSION });
    expect(toDetails(form, [])).toEqual({ consentVersion: EVENT_REGISTRATION_CONSENT_VERSION });
  });

  it('says what the details are used for and who sees them', () => {
    expect(consentText(['name', 'phone'])).toMatch(
      /^我同意提供姓名和手机号。.*报名核对和现场签到，以及活动时间、地点变更或取消时联系你；只有本活动的组织者和签到工作人员可以查看/,
    );
    expect(consentText(['name'])).not.toContain('联系你');
    // The retention the server enforces (EVENT_REGISTRATION_RETENTION_DAYS) is what the resident agrees to.
    expect(consentText(['phone'])).toContain('活动结束（或取消）30 天后自动删除');
    expect(withdrawConfirmation('decline').confirmText).toBe('放弃名额');
  });
});

describe('error messages', () => {
  it('tells a walk-in to give details, a stale code to scan again, and a refusal why', () => {
    expect(checkinFailure({ code: 'CHECKIN_REFUSED', message: 'x', details: { reason: 'details_required' } }).kind).toBe('details_required');
    expect(checkinFailure({ code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期', details: { reason: 'expired' } })).toEqual({
      kind: 'rescan',
      message: EXPIRED_CODE_MESSAGE,
    });
    expect(EXPIRED_CODE_MESSAGE).toBe('二维码已过期，请重新扫描现场大屏上的二维码');
    expect(checkinFailure({ code: 'CHECKIN_CODE_EXPIRED', message: '', details: { reason: 'not_yet_valid' } }).message).toBe('签到码时间异常，请稍后重新扫描');
    expect(
      checkinFailure({ code: 'CHECKIN_TOKEN_INVALID', message: '请扫描活动现场屏幕上的签到码；电子票请出示给工作人员扫描', details: { reason: 'malformed' } }),
    ).toEqual({
      kind: 'rescan',
      message: '请扫描活动现场屏幕上的签到码；电子票请出示给工作人员扫描',
    });
    expect(checkinFailure({ code: 'CHECKIN_REFUSED', message: '', details: { reason: 'too_early' } })).toEqual({ kind: 'refused', message: '尚未到签到时间' });
    expect(checkinFailure({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' })).toEqual({
      kind: 'refused',
      message: '网络连接失败，请检查网络后重试',
    });
  });

  it('turns a full event into the waiting-list offer when the server says it would queue', () => {
    expect(signUpFailure({ code: 'EVENT_FULL', message: '', details: { reason: 'full', waitlistOpen: true } }).kind).toBe('waitlist_open');
    expect(signUpFailure({ code: 'EVENT_FULL', message: '', details: { reason: 'full', waitlistOpen: false } })).toEqual({
      kind: 'refused',
      message: '名额已满',
    });
    expect(signUpFailure({ code: 'VALIDATION_FAILED', message: '本活动报名需要填写姓名' })).toEqual({ kind: 'form', message: '本活动报名需要填写姓名' });
    expect(signUpFailure({ code: 'REGISTRATION_REFUSED', message: '…', details: { reason: 'closed' } })).toEqual({ kind: 'refused', message: '报名已截止' });
    expect(signUpFailure({ code: 'REGISTRATION_REFUSED', message: '服务端说明', details: { reason: 'other' } })).toEqual({
      kind: 'refused',
      message: '服务端说明',
    });
    expect(signUpFailure({ code: 'NOT_FOUND', message: '', statusCode: 404 }).kind).toBe('refused');
    expect(signUpFailure({ code: 'NETWORK_ERROR', message: '网络连接失败' })).toEqual({ kind: 'retry', message: '网络连接失败' });
    expect(refusalReason(null)).toBeNull();
  });
});

describe('codes that open the app', () => {
  it('opens an event for an event scene or an id, and checks in for a screen code', () => {
    expect(entryFromParams({ scene: 'e7' })).toEqual({ kind: 'event', eventId: 7 });
    expect(entryFromParams({ scene: encodeURIComponent('ea') })).toEqual({ kind: 'event', eventId: 10 });
    expect(entryFromParams({ scene: SCREEN_CODE.replace(/\./g, '%2E') })).toEqual({ kind: 'checkin', code: SCREEN_CODE });
    expect(entryFromParams({ id: '12' })).toEqual({ kind: 'event', eventId: 12 });
    expect(entryFromParams({ scene: 'junk', id: '3' })).toEqual({ kind: 'event', eventId: 3 });
    expect(entryFromParams({ scene: TOKEN })).toEqual({ kind: 'none' });
    expect(entryFromParams({ id: '0' })).toEqual({ kind: 'none' });
    expect(entryFromParams({})).toEqual({ kind: 'none' });
    expect(decodeScene('%E0%A4%A')).toBe('%E0%A4%A');
    expect(entryFromCode('e7')).toEqual({ kind: 'event', eventId: 7 });
  });

  it("reads a scanned code from this mini-program's own code path or from the QR text", () => {
    expect(scannedText({ path: `pages/events/index?scene=${encodeURIComponent(SCREEN_CODE)}`, result: '' })).toBe(SCREEN_CODE);
    expect(scannedText({ path: 'pages/events/index?from=poster&scene=e7' })).toBe('e7');
    expect(scannedText({ result: ` ${SCREEN_CODE}\n` })).toBe(SCREEN_CODE);
    expect(scannedText({})).toBe('');
  });

  it("builds the pages' URLs", () => {
    expect(eventDetailUrl(7)).toBe('/packageEvents/pages/detail/index?id=7');
    expect(ticketUrl(7)).toBe('/packageEvents/pages/ticket/index?id=7');
    expect(checkinUrl('c7.a.b+c')).toBe('/packageEvents/pages/checkin/index?code=c7.a.b%2Bc');
  });
});

describe('ticket', () => {
  it("masks the holder's name and phone", () => {
    expect(ticketHolder({ name: '张小明', phone: '13800138000' }, '小林')).toEqual({ name: '张*明', phone: '138****8000' });
    expect(ticketHolder({ name: null, phone: null }, '小林')).toEqual({ name: '小*', phone: null });
    expect(ticketHolder({ name: null, phone: null }, null)).toEqual({ name: null, phone: null });
  });

  it('draws the token as runs of modules covering every row', () => {
    const { size, rows } = qrRows(TOKEN);
    expect([29, 33]).toContain(size);
    expect(rows).toHaveLength(size);
    for (const row of rows) expect(row.reduce((n, r) => n + r.length, 0)).toBe(size);
    // Finder patterns: 7 dark modules in the corners' top rows, then a light separator.
    expect(rows[0][0]).toEqual({ dark: true, length: 7 });
    expect(rows[0][1]).toMatchObject({ dark: false });
    expect(rows[0][rows[0].length - 1]).toEqual({ dark: true, length: 7 });
    expect(rows[size - 1][0]).toEqual({ dark: true, length: 7 });
    // Runs alternate, so no two neighbours share a colour.
    for (const row of rows) row.slice(1).forEach((r, i) => expect(r.dark).not.toBe(row[i].dark));
  });
});

describe('subscribe messages', () => {
  it('keeps the templates WeChat answered accept for', () => {
    expect(acceptedTemplateIds({ a: 'accept', b: 'reject', c: 'ban', errMsg: 'requestSubscribeMessage:ok' }, ['a', 'b', 'c', 'd'])).toEqual(['a']);
  });
});
