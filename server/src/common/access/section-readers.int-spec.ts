import { CONSOLE_SECTIONS, SECTION_READERS, type ConsoleSection, type Permission } from '@xinqiao/shared';
import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';

/**
 * The route that opens each console section. Mostly its list; where the list is read more widely
 * (every staff member sees the regions, every booking role the booking rules), the section's own
 * gate is the route that changes what it lists.
 */
const SECTION_ROUTES: Record<ConsoleSection, `${'get' | 'post' | 'put'} /api/v1/${string}`> = {
  articles: 'get /api/v1/admin/articles',
  alerts: 'get /api/v1/admin/alerts',
  duty: 'get /api/v1/admin/duty',
  alertIndicators: 'get /api/v1/admin/alerts/indicators',
  scales: 'get /api/v1/admin/scales',
  scaleStats: 'get /api/v1/admin/scales/stats',
  hotlines: 'get /api/v1/admin/hotlines',
  stations: 'get /api/v1/admin/stations',
  counsellors: 'get /api/v1/admin/counsellors',
  holidays: 'get /api/v1/admin/holidays',
  callbackLines: 'get /api/v1/admin/callback-lines',
  bookings: 'get /api/v1/admin/bookings',
  myAvailability: 'get /api/v1/admin/counsellors/mine',
  bookingStats: 'get /api/v1/admin/bookings/stats',
  bookingSettings: 'put /api/v1/admin/bookings/settings/{kind}',
  questions: 'get /api/v1/admin/questions',
  quizzes: 'get /api/v1/admin/quizzes',
  awareness: 'get /api/v1/admin/awareness',
  campaigns: 'get /api/v1/admin/campaigns',
  events: 'get /api/v1/admin/events',
  eventStats: 'get /api/v1/admin/events/stats',
  eventCoverage: 'get /api/v1/admin/events/coverage',
  hostUnits: 'get /api/v1/admin/host-units',
  regions: 'post /api/v1/admin/regions',
  staff: 'get /api/v1/admin/staff',
  audit: 'get /api/v1/admin/audit',
};

interface Access {
  who: string;
  permissions?: Permission[];
  anyOf?: Permission[];
}

/**
 * The admin shows a section to the roles of `SECTION_READERS`; the server lets in whoever its route
 * declares. Read from the served document's `x-access` (written from the route decorators), so the
 * two cannot drift apart.
 */
describe(`console sections and their server routes on ${TEST_DB}`, () => {
  let t: TestApp;
  let operations: Record<string, Record<string, { 'x-access'?: Access }>>;
  beforeAll(async () => {
    t = await TestApp.start();
    operations = (await t.get('/api/docs-json')).body.paths;
  });
  afterAll(() => t.stop());

  /** Who may call the route, as the set of permissions of which any one suffices. */
  function readersOf(route: string): Permission[] {
    const [verb, path] = route.split(' ');
    const access = operations[path]?.[verb]?.['x-access'];
    if (!access) throw new Error(`${route} is not a route of the server`);
    if (access.who !== 'staff') throw new Error(`${route} is not a staff route (${access.who})`);
    // All of several permissions cannot be expressed as "any one of"; one permission can.
    if ((access.permissions?.length ?? 0) > 1) throw new Error(`${route} needs all of ${access.permissions!.join(', ')}`);
    return [...(access.anyOf ?? access.permissions ?? [])].sort();
  }

  it('has a route for every section', () => {
    expect(Object.keys(SECTION_ROUTES).sort()).toEqual([...CONSOLE_SECTIONS].sort());
  });

  it.each(CONSOLE_SECTIONS)('opens %s to exactly its SECTION_READERS', (section) => {
    expect(readersOf(SECTION_ROUTES[section])).toEqual([...SECTION_READERS[section]].sort());
  });
});
