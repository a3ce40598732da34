import { CONSOLE_SECTIONS, mayReadSection, SECTION_READERS } from './readers';
import { STAFF_ROLES } from './staff';

describe('SECTION_READERS', () => {
  it('opens every section to a system admin, and the handling-only ones to counsellors', () => {
    expect(CONSOLE_SECTIONS.filter((s) => !mayReadSection('system_admin', s))).toEqual(['myAvailability']);
    expect(CONSOLE_SECTIONS.filter((s) => mayReadSection('counsellor', s))).toEqual(['alerts', 'duty', 'alertIndicators', 'bookings', 'myAvailability']);
  });

  it('reads a section with any one of its permissions', () => {
    expect(mayReadSection('checkin_staff', 'events')).toBe(true);
    expect(mayReadSection('checkin_staff', 'eventStats')).toBe(false);
    expect(mayReadSection('content_editor', 'quizzes')).toBe(true);
    expect(mayReadSection('content_editor', 'awareness')).toBe(false);
  });

  it('gives every role at least one section', () => {
    for (const role of STAFF_ROLES) expect(CONSOLE_SECTIONS.some((s) => mayReadSection(role, s))).toBe(true);
    expect(Object.values(SECTION_READERS).every((list) => list.length > 0)).toBe(true);
  });
});
