import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AwarenessResult, AwarenessSlice } from '@xinqiao/shared';
import ExcelJS from 'exceljs';
import type { StaffPrincipal } from '../../common/access/principal';
import { JobsService, type JobContext } from '../../common/jobs/jobs.service';
import { AwarenessService } from './awareness.service';

export const AWARENESS_REPORT_JOB = 'awareness.report';

interface ReportParams {
  quizIds: number[];
  regionId: number;
  /** The requester, so the report covers exactly what they may see. */
  staff: StaffPrincipal;
}

const pct = (v: number) => Math.round(v * 1000) / 10;

/**
 * The Excel report sent up the hierarchy (定期上报): one row per region below the chosen one with
 * respondents and both rates against the target, plus a chart-ready sheet. Built as a background job.
 */
@Injectable()
export class AwarenessReportJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly awareness: AwarenessService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<ReportParams>(AWARENESS_REPORT_JOB, (ctx) => this.build(ctx), [2_000, 10_000]);
  }

  start(staff: StaffPrincipal, quizIds: number[], regionId: number) {
    return this.jobs.enqueue<ReportParams>(AWARENESS_REPORT_JOB, { quizIds, regionId, staff }, { staff, maxAttempts: 2 });
  }

  private async build(ctx: JobContext<ReportParams>) {
    const { quizIds, regionId, staff } = ctx.params;
    const filters = { quizIds, regionId };
    const byRegion = await this.awareness.report(staff, filters, 'region');
    await ctx.progress(0.4);
    const byUrbanRural = await this.awareness.report(staff, filters, 'urban_rural');
    await ctx.progress(0.6);
    const byGroup = await this.awareness.report(staff, filters, 'group');
    await ctx.progress(0.8);

    const wb = new ExcelJS.Workbook();
    wb.creator = '心桥';
    wb.created = new Date();
    const headers = [
      '区域/分组',
      '调查人数',
      '达标人数',
      '达标率(%)',
      '达标率95%CI下限',
      '达标率95%CI上限',
      '平均正确率(%)',
      '正确率95%CI下限',
      '正确率95%CI上限',
      '目标(%)',
      '目标指标',
      '是否达标',
      '差距(百分点)',
    ];
    for (const [name, report] of [
      ['按区域', byRegion],
      ['按城乡', byUrbanRural],
      ['按人群', byGroup],
    ] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(headers).font = { bold: true };
      for (const s of [report.overall, ...report.rows]) ws.addRow(row(s));
      ws.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 14));
    }
    const chart = wb.addWorksheet('图表数据');
    chart.addRow(['区域', '达标率(%)', '目标(%)']).font = { bold: true };
    for (const s of byRegion.rows) chart.addRow([s.label, s.result.suppressed ? null : pct(s.result.passRate), s.target ? pct(s.target.rate) : null]);
    const note = wb.addWorksheet('说明');
    note.addRows([
      ['范围', byRegion.overall.label],
      ['调查批次', quizIds.join('、')],
      ['样本量', `少于 ${byRegion.minRespondents} 人的分组不显示比例（样本量不足）`],
      ['达标率', '答对比例达到及格线（默认 80%）的调查对象占比，95% 置信区间为 Wilson 区间'],
      ['平均正确率', '全部调查对象答对题目比例的平均值'],
      ...(byRegion.weighted && !byRegion.weighted.suppressed
        ? [[byRegion.weighted.label, `${pct(byRegion.weighted.estimate)}%（按各社区/村常住人口事后分层加权）`]]
        : []),
      ['生成时间', new Date().toISOString()],
    ]);
    note.getColumn(1).width = 14;
    note.getColumn(2).width = 90;
    await ctx.progress(0.95);
    return { fileName: `知晓率上报表_${byRegion.overall.label}.xlsx`, file: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
}

function row(s: AwarenessSlice): (string | number | null)[] {
  const r: AwarenessResult = s.result;
  const target = s.target ? [pct(s.target.rate), s.target.metric === 'pass_rate' ? '达标率' : '平均正确率'] : [null, null];
  const verdict = s.comparison ? (s.comparison.met ? '达标' : '未达标') : s.target ? '无法判断' : null;
  if (r.suppressed) return [s.label, r.reason, null, null, null, null, null, null, null, ...target, verdict, null];
  return [
    s.label,
    r.respondents,
    r.passed,
    pct(r.passRate),
    pct(r.passRateCi.lower),
    pct(r.passRateCi.upper),
    pct(r.meanCorrectRate),
    pct(r.meanCorrectRateCi.lower),
    pct(r.meanCorrectRateCi.upper),
    ...target,
    verdict,
    s.comparison ? Math.round(s.comparison.margin * 1000) / 10 : null,
  ];
}
