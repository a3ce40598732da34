import { useEffect, useMemo, useState } from 'react';
import { ProCard } from '@ant-design/pro-components';
import { Button, Empty, Form, Select, Skeleton, Space, Tabs, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import {
  AGE_BAND_LABELS,
  GENDER_LABELS,
  POPULATION_GROUP_LABELS,
  URBAN_RURAL_LABELS,
  hasPermission,
  type AdminQuiz,
  type CampaignDto,
  type JobDto,
} from '@xinqiao/shared';
import { awarenessApi } from '../../api/awareness';
import { campaignsApi } from '../../api/campaigns';
import { quizzesApi } from '../../api/quizzes';
import { useStaff } from '../../auth/SessionContext';
import { JobProgressModal } from '../../components/JobProgressModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { labelOptions } from '../../utils/proTable';
import {
  AWARENESS_TABS,
  AWARENESS_TAB_LABELS,
  awarenessFilters,
  awarenessSearch,
  defaultWaveIds,
  parseAwarenessView,
  surveyWaves,
  waveLabel,
  type AwarenessTab,
  type AwarenessView,
} from './awarenessQuery';
import { KnowledgePointsTab } from './KnowledgePointsTab';
import { OverviewTab } from './OverviewTab';
import { TrendTab } from './TrendTab';
import { UpliftTab } from './UpliftTab';

/** Which filters each tab uses, so the bar can say what does not apply. */
const TAB_FILTERS: Record<AwarenessTab, string> = {
  overview: '',
  knowledge: '知识点薄弱项按所选调查轮次和区域统计',
  trend: '趋势覆盖全部调查轮次，按区域、城乡和人群筛选',
  uplift: '前后测提升只看所选后测及其前测',
};

export function AwarenessReportView() {
  const staff = useStaff();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseAwarenessView(searchParams), [searchParams]);
  const [waves, setWaves] = useState<AdminQuiz[] | null>(null);
  const [campaigns, setCampaigns] = useState<CampaignDto[]>([]);
  const [job, setJob] = useState<JobDto | null>(null);
  const [starting, setStarting] = useState(false);
  const canListCampaigns = hasPermission(staff.role, 'campaigns.manage');

  const update = (patch: Partial<AwarenessView>) => setSearchParams(awarenessSearch({ ...view, ...patch }), { replace: true });

  useEffect(() => {
    quizzesApi.options({ kind: 'survey' }).then(
      (list) => setWaves(surveyWaves(list)),
      () => setWaves([]),
    );
    if (canListCampaigns) campaignsApi.options({ silent: true }).then(setCampaigns, () => undefined);
  }, [canListCampaigns]);

  // Without waves in the URL the newest wave is shown.
  const quizIds = view.quizIds.length ? view.quizIds : defaultWaveIds(waves ?? []);
  const filters = awarenessFilters({ ...view, quizIds });

  const waveOptions = (waves ?? []).map((q) => ({ value: q.id, label: waveLabel(q) }));
  for (const id of quizIds) if (waves && !waves.some((w) => w.id === id)) waveOptions.push({ value: id, label: `调查 #${id}` });
  const campaignOptions = campaigns.map((c) => ({ value: c.id, label: c.title }));
  if (view.campaignId && !campaigns.some((c) => c.id === view.campaignId))
    campaignOptions.push({ value: view.campaignId, label: `宣传活动 #${view.campaignId}` });

  const startReport = async () => {
    setStarting(true);
    try {
      setJob(await awarenessApi.startReport({ quizIds, regionId: view.regionId }));
    } catch {
      // Shown by the API client.
    } finally {
      setStarting(false);
    }
  };

  const filtered = Boolean(view.regionId || view.urbanRural || view.populationGroup || view.ageBand || view.gender || view.campaignId);

  return (
    <>
      <ProCard style={{ marginBottom: 16 }}>
        <Form layout="inline" className="xq-stats-filters" data-testid="awareness-filters">
          <Form.Item label="调查轮次">
            <Select<number[]>
              mode="multiple"
              style={{ minWidth: 320, maxWidth: 560 }}
              placeholder={waves && !waves.length ? '暂无已发布的调查' : '请选择调查轮次'}
              loading={waves === null}
              value={quizIds}
              options={waveOptions}
              optionFilterProp="label"
              onChange={(ids) => update({ quizIds: ids })}
              aria-label="调查轮次"
            />
          </Form.Item>
          <Form.Item label="区域">
            <RegionTreeSelect style={{ width: 220 }} placeholder="本辖区全部" value={view.regionId} onChange={(regionId?: number) => update({ regionId })} />
          </Form.Item>
          <Form.Item label="城乡">
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder="全部"
              value={view.urbanRural}
              options={labelOptions(URBAN_RURAL_LABELS)}
              onChange={(urbanRural) => update({ urbanRural })}
            />
          </Form.Item>
          <Form.Item label="人群">
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder="全部"
              value={view.populationGroup}
              options={labelOptions(POPULATION_GROUP_LABELS)}
              onChange={(populationGroup) => update({ populationGroup })}
            />
          </Form.Item>
          <Form.Item label="年龄段">
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder="全部"
              value={view.ageBand}
              options={labelOptions(AGE_BAND_LABELS)}
              onChange={(ageBand) => update({ ageBand })}
            />
          </Form.Item>
          <Form.Item label="性别">
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder="全部"
              value={view.gender}
              options={labelOptions(GENDER_LABELS)}
              onChange={(gender) => update({ gender })}
            />
          </Form.Item>
          {canListCampaigns || view.campaignId ? (
            <Form.Item label="宣传活动">
              <Select<number>
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 220 }}
                placeholder="全部"
                value={view.campaignId}
                options={campaignOptions}
                onChange={(campaignId) => update({ campaignId: campaignId ?? undefined })}
              />
            </Form.Item>
          ) : null}
          <Form.Item>
            <Space>
              {filtered ? (
                <Button
                  onClick={() =>
                    update({
                      regionId: undefined,
                      urbanRural: undefined,
                      populationGroup: undefined,
                      ageBand: undefined,
                      gender: undefined,
                      campaignId: undefined,
                    })
                  }
                >
                  清除筛选
                </Button>
              ) : null}
              <Tooltip title="按所选调查轮次和区域生成 Excel 定期上报表（各级区域的答题人数、达标率、平均正确率及置信区间）">
                <Button type="primary" icon={<FileExcelOutlined />} loading={starting} disabled={!quizIds.length} onClick={() => void startReport()}>
                  生成上报表
                </Button>
              </Tooltip>
            </Space>
          </Form.Item>
        </Form>
      </ProCard>

      <ProCard>
        <Tabs
          activeKey={view.tab}
          onChange={(tab) => update({ tab: tab as AwarenessTab })}
          items={AWARENESS_TABS.map((t) => ({ key: t, label: AWARENESS_TAB_LABELS[t] }))}
          tabBarExtraContent={TAB_FILTERS[view.tab] ? <span className="xq-tab-hint">{TAB_FILTERS[view.tab]}</span> : undefined}
        />
        {view.tab === 'overview' && waves === null && !quizIds.length ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
        {view.tab === 'overview' && (waves !== null || quizIds.length > 0) ? (
          waves !== null && !quizIds.length ? (
            <Empty description="暂无已发布的知晓率调查：请先在“测验与调查”中发布一轮调查" />
          ) : (
            <OverviewTab
              filters={filters}
              dimension={view.dimension}
              onDimensionChange={(dimension) => update({ dimension })}
              canSetTargets={hasPermission(staff.role, 'regions.manage')}
            />
          )
        ) : null}
        {view.tab === 'knowledge' ? (
          quizIds.length ? (
            <KnowledgePointsTab quizIds={quizIds} regionId={view.regionId} canOpenArticles={hasPermission(staff.role, 'articles.edit')} />
          ) : (
            <Empty description="请选择调查轮次" />
          )
        ) : null}
        {view.tab === 'trend' ? <TrendTab regionId={view.regionId} populationGroup={view.populationGroup} urbanRural={view.urbanRural} /> : null}
        {view.tab === 'uplift' ? <UpliftTab postQuizId={view.postQuizId} onChange={(postQuizId) => update({ postQuizId })} /> : null}
      </ProCard>

      <JobProgressModal title="生成知晓率上报表" job={job} fallbackFileName={`知晓率上报表_${dayjs().format('YYYYMMDD')}.xlsx`} onClose={() => setJob(null)} />
    </>
  );
}
