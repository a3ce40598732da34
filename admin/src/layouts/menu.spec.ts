import { CONSOLE_SECTIONS, mayReadSection, STAFF_ROLES } from '@xinqiao/shared';
import { firstVisibleChild, MENU, visibleMenu, visibleSections } from './menu';

const paths = (entries: ReturnType<typeof visibleMenu>): string[] => entries.flatMap((e) => [e.path, ...paths(e.children ?? [])]);

describe('visibleMenu', () => {
  it('has one entry per section the server lists, and shows each role exactly the sections it may read', () => {
    const leaves = (entries: typeof MENU): typeof MENU => entries.flatMap((e) => (e.children ? leaves(e.children) : [e]));
    expect(
      leaves(MENU)
        .flatMap((e) => (e.section ? [e.section] : []))
        .sort(),
    ).toEqual([...CONSOLE_SECTIONS].sort());
    for (const role of STAFF_ROLES) {
      expect(
        visibleSections(role)
          .map((e) => e.section)
          .sort(),
      ).toEqual(CONSOLE_SECTIONS.filter((s) => mayReadSection(role, s)).sort());
    }
  });

  it('shows every section to a system admin', () => {
    expect(paths(visibleMenu('system_admin'))).toEqual([
      '/',
      '/content',
      '/articles',
      '/psych',
      '/alerts',
      '/duty',
      '/alert-indicators',
      '/scales',
      '/scale-stats',
      '/hotlines',
      '/service-network',
      '/stations',
      '/counsellors',
      '/holidays',
      '/callback-lines',
      '/booking',
      '/bookings',
      '/booking-stats',
      '/booking-settings',
      '/knowledge',
      '/questions',
      '/quizzes',
      '/awareness',
      '/campaigns',
      '/outreach',
      '/events',
      '/event-stats',
      '/event-coverage',
      '/host-units',
      '/regions',
      '/staff',
      '/audit',
      '/notifications',
    ]);
  });

  it('shows a region admin oversight, statistics, hotlines, the service network, awareness and events but not scale management', () => {
    expect(paths(visibleMenu('region_admin'))).toEqual([
      '/',
      '/content',
      '/articles',
      '/psych',
      '/alerts',
      '/duty',
      '/alert-indicators',
      '/scale-stats',
      '/hotlines',
      '/service-network',
      '/stations',
      '/counsellors',
      '/holidays',
      '/callback-lines',
      '/booking',
      '/bookings',
      '/booking-stats',
      '/knowledge',
      '/questions',
      '/quizzes',
      '/awareness',
      '/campaigns',
      '/outreach',
      '/events',
      '/event-stats',
      '/event-coverage',
      '/host-units',
      '/regions',
      '/staff',
      '/audit',
      '/notifications',
    ]);
  });

  it('shows a counsellor the alert queue, the duty roster, the indicators, their bookings, their own bookable time and their notice settings', () => {
    expect(paths(visibleMenu('counsellor'))).toEqual([
      '/',
      '/psych',
      '/alerts',
      '/duty',
      '/alert-indicators',
      '/booking',
      '/bookings',
      '/my-availability',
      '/notifications',
    ]);
    expect(visibleSections('counsellor').map((s) => s.name)).toEqual(['预警跟进', '值班表', '预警处置指标', '预约日历', '我的可预约时间']);
  });

  it('shows a station manager the service network and the oversight of bookings, without the booking rules', () => {
    expect(paths(visibleMenu('station_manager'))).toEqual([
      '/',
      '/service-network',
      '/stations',
      '/counsellors',
      '/holidays',
      '/callback-lines',
      '/booking',
      '/bookings',
      '/booking-stats',
      '/notifications',
    ]);
    expect(visibleSections('station_manager').map((s) => s.name)).toEqual(['服务站点', '咨询师', '节假日安排', '热线回电', '预约日历', '预约统计']);
  });

  it('shows an editor content, the question bank and quizzes, but not the awareness figures', () => {
    expect(paths(visibleMenu('content_editor'))).toEqual(['/', '/content', '/articles', '/knowledge', '/questions', '/quizzes', '/notifications']);
    expect(visibleSections('content_editor').map((s) => s.name)).toEqual(['文章', '题库', '测验与调查']);
    expect(paths(visibleMenu('content_reviewer'))).toEqual(['/', '/content', '/articles', '/knowledge', '/questions', '/quizzes', '/notifications']);
  });

  it('shows an event organiser campaigns and the whole events group', () => {
    expect(paths(visibleMenu('event_organiser'))).toEqual([
      '/',
      '/knowledge',
      '/campaigns',
      '/outreach',
      '/events',
      '/event-stats',
      '/event-coverage',
      '/host-units',
      '/notifications',
    ]);
    expect(visibleSections('event_organiser').map((s) => s.name)).toEqual(['宣传活动', '活动管理', '活动统计', '指标完成情况', '承办单位']);
  });

  it('shows check-in staff only the event list, where they open check-in', () => {
    expect(paths(visibleMenu('checkin_staff'))).toEqual(['/', '/outreach', '/events', '/notifications']);
    expect(visibleSections('checkin_staff').map((s) => s.name)).toEqual(['活动管理']);
  });

  it('shows everyone their own notice settings, which is no dashboard shortcut', () => {
    expect(paths(visibleMenu('checkin_staff'))).toContain('/notifications');
    expect(visibleSections('system_admin').map((s) => s.path)).not.toContain('/notifications');
  });

  it('drops empty groups for roles without the rights', () => {
    expect(paths(visibleMenu('content_editor'))).not.toContain('/outreach');
    expect(paths(visibleMenu('counsellor'))).not.toContain('/knowledge');
    expect(paths(visibleMenu('counsellor'))).not.toContain('/service-network');
  });
});

describe('firstVisibleChild', () => {
  it('leads a group path to the first section the role may open', () => {
    expect(firstVisibleChild('region_admin', '/knowledge')).toBe('/questions');
    expect(firstVisibleChild('event_organiser', '/knowledge')).toBe('/campaigns');
    expect(firstVisibleChild('counsellor', '/knowledge')).toBe('/');
    expect(firstVisibleChild('checkin_staff', '/outreach')).toBe('/events');
    expect(firstVisibleChild('station_manager', '/service-network')).toBe('/stations');
    expect(firstVisibleChild('content_editor', '/service-network')).toBe('/');
  });
});
