import { Logger } from '@nestjs/common';
import { appendFileSync, writeFileSync } from 'fs';
import { FakeWechat } from '../support/fake-wechat';
import { ADMIN_PASSWORD, TestApp } from '../support/test-app';
import { TEST_DB } from '../support/test-db';
import { runFuzz, summary, type FuzzReport } from './fuzzer';

/**
 * Every operation of the OpenAPI document called with bad inputs by every kind of caller (see fuzzer.ts):
 * no answer is a 5xx, every 4xx has the error shape, and every audited staff request that succeeded left
 * exactly one audit record under the request id it was answered with.
 */
describe(`fuzzing every route on ${TEST_DB}`, () => {
  const wechat = new FakeWechat();
  let t: TestApp;
  let report: FuzzReport;

  beforeAll(async () => {
    // WeChat sign-in answers 503 by design when WeChat is not configured or down: point it at the fake.
    await wechat.start();
    t = await TestApp.start({ WECHAT_API_BASE: wechat.baseUrl, WECHAT_APPID: wechat.appid, WECHAT_SECRET: wechat.secret });
    // FUZZ_TRACE=<file>: every request and answer as JSON lines, and the stack of every 5xx in <file>.errors.
    const traceFile = process.env.FUZZ_TRACE;
    if (traceFile) {
      writeFileSync(traceFile, '');
      writeFileSync(`${traceFile}.errors`, '');
      const write = (message: unknown) => appendFileSync(`${traceFile}.errors`, `${String(message)}\n`);
      Logger.overrideLogger({ log: () => undefined, warn: () => undefined, error: write, fatal: write });
    }
    const server = t.app.getHttpAdapter().getInstance();
    report = await runFuzz({
      trace: traceFile ? (entry) => appendFileSync(traceFile, JSON.stringify(entry) + '\n') : undefined,
      jwtSecret: t.config.JWT_SECRET!,
      adminPassword: ADMIN_PASSWORD,
      send: async (req) => {
        const res = await server.inject({ method: req.method as 'GET', url: req.url, headers: req.headers, payload: req.body });
        return { status: res.statusCode, headers: res.headers, body: res.body };
      },
      auditRows: async (ids) => {
        const counts = new Map<string, number>();
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          const rows: { requestId: string; n: number | string }[] = await t.dataSource.query(
            `SELECT requestId, COUNT(*) AS n FROM audit_logs WHERE requestId IN (${chunk.map(() => '?').join(',')}) GROUP BY requestId`,
            chunk,
          );
          for (const r of rows) counts.set(r.requestId, Number(r.n));
        }
        return counts;
      },
    });
    console.log(summary(report, TEST_DB));
  }, 600_000);
  afterAll(async () => {
    await t.stop();
    await wechat.stop();
  });

  it('walks every operation with a few thousand requests', () => {
    expect(report.operations).toBeGreaterThanOrEqual(120);
    expect(report.requests).toBeGreaterThan(3000);
  });

  it('never answers 5xx', () => {
    expect(report.serverErrors).toEqual([]);
  });

  it('answers every 4xx with a code and a message', () => {
    expect(report.badErrorShapes).toEqual([]);
  });

  it('leaves exactly one audit record for every audited staff request that succeeded', () => {
    expect(report.auditedRequests).toBeGreaterThan(100);
    expect(report.auditGaps).toEqual([]);
  });
});
