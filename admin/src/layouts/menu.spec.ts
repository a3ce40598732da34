import { firstVisibleChild, visibleMenu, visibleSections } from './menu';

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
      '/knowledge',
      '/questions',
      '/quizzes',
      '/awareness',
      '/campaigns',
      '/regions',
      '/staff',
      '/audit',
    ]);
  });

  it('shows a region admin oversight, statistics, hotlines and awareness but not scale management', () => {
    expect(paths(visibleMenu('region_admin'))).toEqual([
      '/',
      '/content',
      '/articles',
      '/psych',
      '/alerts',
      '/scale-stats',
      '/hotlines',
      '/knowledge',
      '/questions',
      '/quizzes',
      '/awareness',
      '/campaigns',
      '/regions',
      '/staff',
      '/audit',
    ]);
  });

  it('shows a counsellor only the alert queue', () => {
    expect(paths(visibleMenu('counsellor'))).toEqual(['/', '/psych', '/alerts']);
    expect(visibleSections('counsellor').map((s) => s.name)).toEqual(['预警跟进']);
  });

  it('shows an editor content, the question bank and quizzes, but not the awareness figures', () => {
    expect(paths(visibleMenu('content_editor'))).toEqual(['/', '/content', '/articles', '/knowledge', '/questions', '/quizzes']);
    expect(visibleSections('content_editor').map((s) => s.name)).toEqual(['文章', '题库', '测验与调查']);
    expect(paths(visibleMenu('content_reviewer'))).toEqual(['/', '/content', '/articles', '/knowledge', '/questions', '/quizzes']);
  });

  it('shows an event organiser only campaigns', () => {
    expect(paths(visibleMenu('event_organiser'))).toEqual(['/', '/knowledge', '/campaigns']);
    expect(visibleSections('event_organiser').map((s) => s.name)).toEqual(['宣传活动']);
  });

  it('drops empty groups for roles without the rights', () => {
    expect(paths(visibleMenu('checkin_staff'))).toEqual(['/']);
    expect(visibleSections('checkin_staff')).toEqual([]);
  });
});

describe('firstVisibleChild', () => {
  it('leads a group path to the first section the role may open', () => {
    expect(firstVisibleChild('region_admin', '/knowledge')).toBe('/questions');
    expect(firstVisibleChild('event_organiser', '/knowledge')).toBe('/campaigns');
    expect(firstVisibleChild('counsellor', '/knowledge')).toBe('/');
  });
});
