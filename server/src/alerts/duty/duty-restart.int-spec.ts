import type { AlertDispatchEvent } from '@xinqiao/shared';
import { JobsService } from '../../common/jobs/jobs.service';
import { generateDataKey } from '../../common/crypto/data-cipher';
import { StaffNoticeFakes } from '../../../test/support/staff-notice-fakes';
import { REGION, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../../../test/support/test-db';
import { raiseOrJoinHelp } from '../alert-raise';
import { ALERT_DISPATCH_JOB, AlertDispatchService } from './services/alert-dispatch.service';

describe(`the server stopping between a new alert and its notice on ${TEST_DB}`, () => {
  let db: TestDatabase;
  const apps: TestApp[] = [];
  const fakes = new StaffNoticeFakes();
  /** Both servers read the mobiles and robot webhooks the first one stored encrypted. */
  const dataKeys = generateDataKey('restart');
  /** A server on the one database of this test, sending SMS and robot messages to the fakes; the queue polls only when the test says. */
  const start = async () => {
    const t = await TestApp.start({ JOB_POLL_MS: '60000', DATA_ENCRYPTION_KEYS: dataKeys, ...fakes.env() }, { db: () => db.config });
    apps.push(t);
    return t;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    await fakes.start();
  });
  afterAll(async () => {
    for (const t of apps) await t.stop();
    await db.drop();
    await fakes.stop();
  });

  it('sends the notice exactly once, from the next server, however often its job runs', async () => {
    const first = await start();
    // The counsellor on duty has a mobile, the community a group robot.
    await fakes.giveMobile(first, 'counsellor_sl', await first.staffToken('counsellor_sl'));
    await fakes.giveRobot(first, REGION.communityA1, await first.staffToken('region_yc'));
    const token = await first.residentToken('restart-resident');
    const community = await first.regionId(REGION.communityA1);
    await first.patch('/api/v1/me', { regionId: community, ageBand: '35to59' }, token);
    const [resident] = await first.dataSource.query(`SELECT id, regionPath FROM residents WHERE openid = 'restart-resident'`);
    // The raising transaction commits; the process goes away before the queue runs.
    const { alertId } = await first.dataSource.transaction((tx) =>
      raiseOrJoinHelp(
        tx,
        {
          residentId: Number(resident.id),
          urgency: 'now',
          regionId: community,
          regionPath: resident.regionPath,
          populationGroup: null,
          ageBand: '35to59',
          at: new Date(),
          redDueHours: 24,
        },
        first.app.get(AlertDispatchService),
      ),
    );
    await first.stop();
    apps.splice(apps.indexOf(first), 1);
    expect(fakes.sms.calls + fakes.wecom.calls).toBe(0);

    const second = await start();
    const jobs = second.app.get(JobsService);
    const queued = await second.dataSource.query(`SELECT status FROM jobs WHERE kind = ?`, [ALERT_DISPATCH_JOB]);
    expect(queued).toEqual([{ status: 'queued' }]);
    await jobs.idle();
    // The same dispatch again (a retry, a second instance): nothing more goes out.
    await jobs.enqueue(ALERT_DISPATCH_JOB, { alertId, colour: 'red' });
    await jobs.idle();

    const events: AlertDispatchEvent[] = (await second.get(`/api/v1/admin/alerts/${alertId}/dispatch`, await second.staffToken('region_yc'))).body;
    expect(events.filter((e) => e.kind === 'dispatched').map((e) => e.staff.map((s) => s.name))).toEqual([['胜利路心理咨询师']]);
    // Exactly one SMS, to the counsellor on duty, and one message to the community's robot.
    expect(fakes.sms.calls).toBe(1);
    expect(fakes.smsSent()).toEqual([
      { via: 'sms', to: 'counsellor_sl', params: ['红色预警', '胜利路街道萱花社区', `管理后台/alerts/${alertId}`], link: `/alerts/${alertId}` },
    ]);
    expect(fakes.wecom.calls).toBe(1);
    expect(fakes.robotSent().map((m) => [m.to, m.text, m.link])).toEqual([
      [REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理', `/alerts/${alertId}`],
    ]);
    const deliveries = await second.dataSource.query(
      `SELECT channel, status FROM notification_deliveries WHERE subjectType = 'alert' AND subjectId = ? AND topic = 'alerts.alert_new' AND status = 'sent' ORDER BY channel`,
      [alertId],
    );
    expect(deliveries).toEqual([
      { channel: 'sms', status: 'sent' },
      { channel: 'wecom_robot', status: 'sent' },
    ]);
    expect((await second.get(`/api/v1/me/alert-notices/${alertId}`, await second.residentToken('restart-resident'))).body.noticeStatus).toBe('sent');
  });
});
