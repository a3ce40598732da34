import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FileTextOutlined,
  HeartOutlined,
  HomeOutlined,
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
  region: <ClusterOutlined />,
  staff: <TeamOutlined />,
  audit: <AuditOutlined />,
};
