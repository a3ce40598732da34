import { visibleMenu, visibleSections } from './menu';

const paths = (entries: ReturnType<typeof visibleMenu>): string[] => entries.flatMap((e) => [e.path, ...paths(e.children ?? [])]);

describe('visibleMenu', () => {
  it('shows every section to a system admin', () => {
    expect(paths(visibleMenu('system_admin'))).toEqual([
      '/',
      '/content',
      '/articles',
      '/psych',
      '/alerts',
      '/scales',
      '/scale-stats',
      '/hotlines',
      '/regions',
      '/staff',
      '/audit',
    ]);
  });

  it('shows a region admin oversight, statistics and hotlines but not scale management', () => {
    expect(paths(visibleMenu('region_admin'))).toEqual([
      '/',
      '/content',
      '/articles',
      '/psych',
      '/alerts',
      '/scale-stats',
      '/hotlines',
      '/regions',
      '/staff',
      '/audit',
    ]);
  });

  it('shows a counsellor only the alert queue', () => {
    expect(paths(visibleMenu('counsellor'))).toEqual(['/', '/psych', '/alerts']);
    expect(visibleSections('counsellor').map((s) => s.name)).toEqual(['预警跟进']);
  });

  it('shows only content to an editor', () => {
    expect(paths(visibleMenu('content_editor'))).toEqual(['/', '/content', '/articles']);
    expect(visibleSections('content_editor').map((s) => s.name)).toEqual(['文章']);
  });

  it('drops empty groups for roles without the rights', () => {
    expect(paths(visibleMenu('checkin_staff'))).toEqual(['/']);
    expect(visibleSections('checkin_staff')).toEqual([]);
  });
});
