import { PageContainer } from '@ant-design/pro-components';
import { Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { STAFF_ROLE_LABELS } from '@xinqiao/shared';
import { useStaff } from '../../auth/SessionContext';
import { MENU_ICONS } from '../../layouts/icons';
import { visibleSections } from '../../layouts/menu';
import { formatDateTime } from '../../utils/format';

export default function DashboardPage() {
  const staff = useStaff();
  const sections = visibleSections(staff.role);

  return (
    <PageContainer title={`您好，${staff.displayName}`}>
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="角色">{STAFF_ROLE_LABELS[staff.role]}</Descriptions.Item>
          <Descriptions.Item label="所属区域">{staff.regionName}</Descriptions.Item>
          <Descriptions.Item label="上次登录">{formatDateTime(staff.lastLoginAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        常用功能
      </Typography.Title>
      {sections.length ? (
        <Row gutter={[16, 16]}>
          {sections.map((s) => (
            <Col key={s.path} xs={24} sm={12} lg={6}>
              <Link to={s.path}>
                <Card hoverable>
                  <Card.Meta avatar={<span className="xq-shortcut-icon">{MENU_ICONS[s.icon]}</span>} title={s.name} description={s.description} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      ) : (
        <Card>
          <Empty description="当前角色暂无可用的管理功能" />
        </Card>
      )}
    </PageContainer>
  );
}
