import {
  ATTENDANCE_STATUSES,
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHODS,
  CHECKIN_METHOD_LABELS,
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  EVENT_STATUSES,
  EVENT_STATUS_LABELS,
  PLACE_TYPES,
  PLACE_TYPE_LABELS,
  REGISTRATION_FIELDS,
  REGISTRATION_FIELD_LABELS,
  REGISTRATION_SOURCES,
  REGISTRATION_SOURCE_LABELS,
  REGISTRATION_STATUSES,
  REGISTRATION_STATUS_LABELS,
  effectiveEventStatus,
} from './types';

describe('event vocabulary', () => {
  it('names the six places as the policy documents do', () => {
    expect(PLACE_TYPES.map((p) => PLACE_TYPE_LABELS[p])).toEqual(['机关', '企业', '学校', '农村', '社区', '公共场所']);
  });

  it('has a label for every value', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [EVENT_STATUSES, EVENT_STATUS_LABELS],
      [EVENT_KINDS, EVENT_KIND_LABELS],
      [REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS],
      [REGISTRATION_SOURCES, REGISTRATION_SOURCE_LABELS],
      [CHECKIN_METHODS, CHECKIN_METHOD_LABELS],
      [ATTENDANCE_STATUSES, ATTENDANCE_STATUS_LABELS],
      [REGISTRATION_FIELDS, REGISTRATION_FIELD_LABELS],
    ];
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) expect(labels[v]).toBeTruthy();
    }
  });
});

describe('effectiveEventStatus', () => {
  it('treats a published event as finished once it has ended', () => {
    const end = new Date('2026-06-10T08:00:00Z');
    expect(effectiveEventStatus('published', end, new Date('2026-06-10T07:59:59Z'))).toBe('published');
    expect(effectiveEventStatus('published', end, end)).toBe('finished');
    expect(effectiveEventStatus('cancelled', end, new Date('2027-01-01T00:00:00Z'))).toBe('cancelled');
    expect(effectiveEventStatus('draft', end, new Date('2027-01-01T00:00:00Z'))).toBe('draft');
  });
});
