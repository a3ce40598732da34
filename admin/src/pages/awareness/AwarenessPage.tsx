import { PageContainer } from '@ant-design/pro-components';
import { useNavigate } from 'react-router-dom';
import { AwarenessReportView } from './AwarenessReportView';
import { TargetsSection } from './TargetsSection';

export type AwarenessSection = 'report' | 'targets';

const SECTION_PATHS: Record<AwarenessSection, string> = { report: '/awareness', targets: '/awareness/targets' };

/** The figures and the targets share a page; each has its own URL so it can be linked to. */
export default function AwarenessPage({ section }: { section: AwarenessSection }) {
  const navigate = useNavigate();
  return (
    <PageContainer
      title="知晓率统计"
      subTitle="心理健康知识知晓率：达标率与平均正确率并列报告，均附样本量和 95% 置信区间"
      className="awareness-page"
      tabActiveKey={section}
      tabList={[
        { key: 'report', tab: '统计分析' },
        { key: 'targets', tab: '目标设置' },
      ]}
      onTabChange={(key) => navigate(SECTION_PATHS[key as AwarenessSection])}
    >
      {section === 'report' ? <AwarenessReportView /> : <TargetsSection />}
    </PageContainer>
  );
}
