import { visibleMenu, visibleSections } from './menu';

const paths = (entries: ReturnType<typeof visibleMenu>): string[] => entries.flatMap((e) => [e.path, ...paths(e.children ?? [])]);

describe('visibleMenu', () => {
  it('shows every section to a system admin', () => {
    expect(paths(visibleMenu('system_admin'))).toEqual(['/', '/content', '/articles', '/regions', '/staff', '/audit']);
  });

  it('shows only content to an editor', () => {
    expect(paths(visibleMenu('content_editor'))).toEqual(['/', '/content', '/articles']);
    expect(visibleSections('content_editor').map((s) => s.name)).toEqual(['文章']);
  });

  it('drops the empty content group for roles without article rights', () => {
    expect(paths(visibleMenu('counsellor'))).toEqual(['/']);
    expect(visibleSections('checkin_staff')).toEqual([]);
  });
});
