import type { ReactNode } from 'react';
import { AuditOutlined, ClusterOutlined, FileTextOutlined, HomeOutlined, ReadOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuEntry } from './menu';

export const MENU_ICONS: Record<MenuEntry['icon'], ReactNode> = {
  home: <HomeOutlined />,
  content: <ReadOutlined />,
  article: <FileTextOutlined />,
  region: <ClusterOutlined />,
  staff: <TeamOutlined />,
  audit: <AuditOutlined />,
};
