import { NATIONAL_HOTLINES, type Hotline } from '../hotlines';
import { HELP_REQUEST_CONSENT_VERSION, HELP_REQUEST_PROBLEM_MESSAGES, helpRequestHotlines, validateHelpRequest } from './help-requests';

type Input = Parameters<typeof validateHelpRequest>[0];
const ok: Input = {
  contactPhone: '13800138000',
  contactName: '小李',
  note: null,
  ageBand: '18to34',
  consent: { version: '2026-12-booking-v1', contact: true, sensitive: false },
  guardian: null,
};
const codes = (patch: Partial<Input>) => validateHelpRequest({ ...ok, ...patch }).map((p) => `${p.field}:${p.code}`);

describe('validateHelpRequest', () => {
  it('accepts a mobile or a landline with its area code, and refuses anything else', () => {
    expect(HELP_REQUEST_CONSENT_VERSION).toBe('2026-12-booking-v1');
    expect(codes({})).toEqual([]);
    expect(codes({ contactPhone: '010-12345678' })).toEqual([]);
    expect(codes({ contactPhone: ' 13800138000 ' })).toEqual([]);
    expect(codes({ contactPhone: '' })).toEqual(['contactPhone:phone_required']);
    expect(codes({ contactPhone: '   ' })).toEqual(['contactPhone:phone_required']);
    // 12 begins no mobile number; 10 digits is one short.
    expect(codes({ contactPhone: '12800138000' })).toEqual(['contactPhone:phone_invalid']);
    expect(codes({ contactPhone: '1380013800' })).toEqual(['contactPhone:phone_invalid']);
  });

  it('asks a guardian for a child under 14 only, with both name and relation', () => {
    expect(codes({ ageBand: 'under14' })).toEqual(['guardian:guardian_required']);
    expect(codes({ ageBand: 'under14', guardian: { name: '李父', relation: ' ' } })).toEqual(['guardian:guardian_required']);
    expect(codes({ ageBand: 'under14', guardian: { name: '李父', relation: '父亲' } })).toEqual([]);
    expect(codes({ ageBand: '14to17' })).toEqual([]);
    // 33 characters of name is one over 32.
    expect(codes({ ageBand: 'under14', guardian: { name: '李'.repeat(33), relation: '父亲' } })).toEqual(['guardian:guardian_too_long']);
  });

  it('needs the sensitive consent for a note, and at most 500 characters of it', () => {
    expect(codes({ note: '最近总是失眠' })).toEqual(['consent.sensitive:sensitive_consent_required']);
    expect(codes({ note: '  ' })).toEqual([]);
    expect(codes({ note: '最近总是失眠', consent: { ...ok.consent, sensitive: true } })).toEqual([]);
    // Counted in characters: 500 CJK characters pass, 501 do not.
    expect(codes({ note: '难'.repeat(500), consent: { ...ok.consent, sensitive: true } })).toEqual([]);
    expect(codes({ note: '难'.repeat(501), consent: { ...ok.consent, sensitive: true } })).toEqual(['note:note_too_long']);
  });

  it('needs the contact consent of the current version', () => {
    expect(codes({ consent: { version: '2026-01-old', contact: true, sensitive: false } })).toEqual(['consent.version:consent_outdated']);
    expect(codes({ consent: { version: HELP_REQUEST_CONSENT_VERSION, contact: false as unknown as true, sensitive: false } })).toEqual([
      'consent.contact:contact_consent_required',
    ]);
  });

  it('lists every problem in form order', () => {
    expect(
      codes({ contactPhone: 'abc', contactName: '名'.repeat(33), ageBand: 'under14', note: 'x', consent: { version: 'v0', contact: true, sensitive: false } }),
    ).toEqual([
      'contactPhone:phone_invalid',
      'contactName:name_too_long',
      'guardian:guardian_required',
      'consent.sensitive:sensitive_consent_required',
      'consent.version:consent_outdated',
    ]);
    expect(HELP_REQUEST_PROBLEM_MESSAGES.note_too_long).toBe('情况说明最多 500 字');
  });
});

describe('helpRequestHotlines', () => {
  const line = (id: number, number: string, is24h = true): Hotline => ({
    id,
    name: `line ${id}`,
    number,
    hours: '24小时',
    is24h,
    audiences: ['all'],
    source: null,
    regionId: 7,
    regionName: '胜利路街道',
    national: false,
    sortOrder: 0,
  });
  const [l12356, hope24] = [NATIONAL_HOTLINES[0], NATIONAL_HOTLINES[1]];

  it('puts 12356 first, then 110 and 120, then the other crisis lines in their order', () => {
    const out = helpRequestHotlines([l12356, line(5, '023-61234567'), hope24]);
    expect(out.map((h) => h.number)).toEqual(['12356', '110', '120', '023-61234567', '400-161-9995']);
    expect(out.slice(1, 3).map((h) => [h.id, h.is24h, h.national])).toEqual([
      [-110, true, true],
      [-120, true, true],
    ]);
  });

  it('never repeats a number, whatever its separators', () => {
    // A region that listed 120 itself, and 12356 with a hyphen.
    expect(helpRequestHotlines([l12356, line(6, '120'), line(8, '123-56'), hope24]).map((h) => h.id)).toEqual([-1, -110, -120, -2]);
  });
});
