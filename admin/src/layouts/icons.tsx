import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BulbOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  HeartOutlined,
  HomeOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ReadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuEntry } from './menu';

export const MENU_ICONS: Record<MenuEntry['icon'], ReactNode> = {
  home: <HomeOutlined />,
  content: <ReadOutlined />,
  article: <FileTextOutlined />,
  psych: <HeartOutlined />,
  alert: <AlertOutlined />,
  scale: <ProfileOutlined />,
  stats: <BarChartOutlined />,
  hotline: <PhoneOutlined />,
  knowledge: <BulbOutlined />,
  question: <DatabaseOutlined />,
  quiz: <FormOutlined />,
  awareness: <FundOutlined />,
  campaign: <NotificationOutlined />,
  region: <ClusterOutlined />,
  staff: <TeamOutlined />,
  audit: <AuditOutlined />,
};
