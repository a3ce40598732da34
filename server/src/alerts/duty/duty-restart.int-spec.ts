import type { AlertDispatchEvent } from '@xinqiao/shared';
import { JobsService } from '../../common/jobs/jobs.service';
import { FakeStaffChannel } from '../../../test/support/fake-staff-channel';
import { REGION, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../../../test/support/test-db';
import { raiseOrJoinHelp } from '../alert-raise';
import { ALERT_DISPATCH_JOB, AlertDispatchService } from './services/alert-dispatch.service';

describe(`the server stopping between a new alert and its notice on ${TEST_DB}`, () => {
  let db: TestDatabase;
  const apps: TestApp[] = [];
  /** A server on the one database of this test; the queue polls only when the test says. */
  const start = async () => {
    const t = await TestApp.start({ JOB_POLL_MS: '60000' }, { db: () => db.config });
    apps.push(t);
    return t;
  };
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => {
    for (const t of apps) await t.stop();
    await db.drop();
  });

  it('sends the notice exactly once, from the next server, however often its job runs', async () => {
    const first = await start();
    const token = await first.residentToken('restart-resident');
    const community = await first.regionId(REGION.communityA1);
    await first.patch('/api/v1/me', { regionId: community, ageBand: '35to59' }, token);
    const [resident] = await first.dataSource.query(`SELECT id, regionPath FROM residents WHERE openid = 'restart-resident'`);
    // The raising transaction commits; the process goes away before the queue runs.
    const { alertId } = await first.dataSource.transaction((tx) =>
      raiseOrJoinHelp(
        tx,
        { residentId: Number(resident.id), urgency: 'now', regionId: community, regionPath: resident.regionPath, populationGroup: null, ageBand: '35to59', at: new Date(), redDueHours: 24 },
        first.app.get(AlertDispatchService),
      ),
    );
    await first.stop();
    apps.splice(apps.indexOf(first), 1);

    const second = await start();
    const fake = FakeStaffChannel.install(second);
    const jobs = second.app.get(JobsService);
    const queued = await second.dataSource.query(`SELECT status FROM jobs WHERE kind = ?`, [ALERT_DISPATCH_JOB]);
    expect(queued).toEqual([{ status: 'queued' }]);
    await jobs.idle();
    // The same dispatch again (a retry, a second instance): nothing more goes out.
    await jobs.enqueue(ALERT_DISPATCH_JOB, { alertId, colour: 'red' });
    await jobs.idle();

    const events: AlertDispatchEvent[] = (await second.get(`/api/v1/admin/alerts/${alertId}/dispatch`, await second.staffToken('region_yc'))).body;
    expect(events.filter((e) => e.kind === 'dispatched').map((e) => e.staff.map((s) => s.name))).toEqual([['胜利路心理咨询师']]);
    const deliveries = await second.dataSource.query(`SELECT status FROM notification_deliveries WHERE subjectType = 'alert' AND subjectId = ? AND topic = 'alerts.alert_new'`, [alertId]);
    // One to the counsellor on duty, one to the community's region channel.
    expect(deliveries).toEqual([{ status: 'sent' }, { status: 'sent' }]);
    expect(fake.sent).toHaveLength(2);
    expect((await second.get(`/api/v1/me/alert-notices/${alertId}`, await second.residentToken('restart-resident'))).body.noticeStatus).toBe('sent');
  });
});
