import { PageContainer } from '@ant-design/pro-components';
import { useNavigate } from 'react-router-dom';
import { AlertRulesTab } from './AlertRulesTab';
import { ScaleListTab } from './ScaleListTab';

export type ScalesTab = 'scales' | 'rules';

const TAB_PATHS: Record<ScalesTab, string> = { scales: '/scales', rules: '/scales/alert-rules' };

/** Scales and the alert rules share a page; each tab has its own URL so it can be linked to. */
export default function ScalesPage({ tab }: { tab: ScalesTab }) {
  const navigate = useNavigate();
  return (
    <PageContainer
      title="测评量表"
      subTitle="自评量表仅用于心理健康筛查，不作诊断"
      tabActiveKey={tab}
      tabList={[
        { key: 'scales', tab: '量表列表' },
        { key: 'rules', tab: '预警规则' },
      ]}
      onTabChange={(key) => navigate(TAB_PATHS[key as ScalesTab])}
    >
      {tab === 'scales' ? <ScaleListTab /> : <AlertRulesTab />}
    </PageContainer>
  );
}
