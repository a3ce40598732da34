import { mayReadSection, type ConsoleSection, type StaffRole } from '@xinqiao/shared';

/** The console's sections. The layout menu and the dashboard shortcuts are both built from this. */
export interface MenuEntry {
  path: string;
  name: string;
  /** Key into MENU_ICONS (kept out of this file so it stays free of React). */
  icon:
    | 'home'
    | 'content'
    | 'article'
    | 'psych'
    | 'alert'
    | 'duty'
    | 'scale'
    | 'stats'
    | 'hotline'
    | 'network'
    | 'station'
    | 'counsellor'
    | 'holiday'
    | 'callbackLine'
    | 'booking'
    | 'bookingCalendar'
    | 'bookingStats'
    | 'availability'
    | 'bookingSettings'
    | 'knowledge'
    | 'question'
    | 'quiz'
    | 'awareness'
    | 'campaign'
    | 'outreach'
    | 'event'
    | 'eventStats'
    | 'coverage'
    | 'hostUnit'
    | 'region'
    | 'staff'
    | 'audit'
    | 'notice';
  /** The section the entry opens: shown to the roles the server lets read it (`SECTION_READERS`). */
  section?: ConsoleSection;
  description?: string;
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { path: '/', name: '首页', icon: 'home' },
  {
    path: '/content',
    name: '内容管理',
    icon: 'content',
    children: [{ path: '/articles', name: '文章', icon: 'article', section: 'articles', description: '编写、发布和下线心理健康科普文章' }],
  },
  {
    path: '/psych',
    name: '心理服务',
    icon: 'psych',
    children: [
      { path: '/alerts', name: '预警跟进', icon: 'alert', section: 'alerts', description: '三色预警队列：认领、跟进和结案' },
      {
        path: '/duty',
        name: '值班表',
        icon: 'duty',
        section: 'duty',
        description: '安排各区域的预警值班人员，查看现在谁在值班；新预警立即通知值班人员，超时未认领逐级升级',
      },
      {
        path: '/alert-indicators',
        name: '预警处置指标',
        icon: 'stats',
        section: 'alertIndicators',
        description: '按月份和区域统计预警数量、首次联系用时、转介和结案结果并导出',
      },
      { path: '/scales', name: '测评量表', icon: 'scale', section: 'scales', description: '启用或导入自评量表，维护预警规则' },
      { path: '/scale-stats', name: '测评统计', icon: 'stats', section: 'scaleStats', description: '按区域、人群、月份统计测评结果并导出' },
      { path: '/hotlines', name: '心理援助热线', icon: 'hotline', section: 'hotlines', description: '维护辖区的心理援助热线号码' },
    ],
  },
  {
    path: '/service-network',
    name: '服务网络',
    icon: 'network',
    children: [
      {
        path: '/stations',
        name: '服务站点',
        icon: 'station',
        section: 'stations',
        description: '维护心理服务站、心灵驿站等站点的开放时间、例外安排和服务项目',
      },
      { path: '/counsellors', name: '咨询师', icon: 'counsellor', section: 'counsellors', description: '维护咨询师的资质和服务站点，经本人同意后在小程序公开' },
      {
        path: '/holidays',
        name: '节假日安排',
        icon: 'holiday',
        section: 'holidays',
        description: '按国务院办公厅通知维护放假和调休上班日期，各站点据此开放',
      },
      {
        path: '/callback-lines',
        name: '热线回电',
        icon: 'callbackLine',
        section: 'callbackLines',
        description: '设置可预约回电的热线、回电时段和每时段回电数',
      },
    ],
  },
  {
    path: '/booking',
    name: '预约服务',
    icon: 'booking',
    children: [
      {
        path: '/bookings',
        name: '预约日历',
        icon: 'bookingCalendar',
        section: 'bookings',
        description: '按日、按周查看到站面询、电话咨询和热线回电预约，标记到场并处理',
      },
      {
        path: '/my-availability',
        name: '我的可预约时间',
        icon: 'availability',
        section: 'myAvailability',
        description: '设置每周可接受预约的时段和个别日期的调整',
      },
      {
        path: '/booking-stats',
        name: '预约统计',
        icon: 'bookingStats',
        section: 'bookingStats',
        description: '按站点、月份统计预约、到场、取消和满意度并导出',
      },
      {
        path: '/booking-settings',
        name: '预约规则',
        icon: 'bookingSettings',
        section: 'bookingSettings',
        description: '设置各类预约的时长、提前预约和取消规则',
      },
    ],
  },
  {
    path: '/knowledge',
    name: '知晓率',
    icon: 'knowledge',
    children: [
      { path: '/questions', name: '题库', icon: 'question', section: 'questions', description: '维护心理健康知识题目，支持 Excel 导入导出' },
      {
        path: '/quizzes',
        name: '测验与调查',
        icon: 'quiz',
        section: 'quizzes',
        description: '组卷发布知晓率调查、知识练习和活动前后测',
      },
      { path: '/awareness', name: '知晓率统计', icon: 'awareness', section: 'awareness', description: '按区域、人群统计知晓率，对照目标并生成上报表' },
      { path: '/campaigns', name: '宣传活动', icon: 'campaign', section: 'campaigns', description: '策划宣传活动，跟踪目标完成进度' },
    ],
  },
  {
    path: '/outreach',
    name: '六进活动',
    icon: 'outreach',
    children: [
      {
        path: '/events',
        name: '活动管理',
        icon: 'event',
        section: 'events',
        description: '发布心理健康“六进”活动，管理报名、现场签到和通知',
      },
      { path: '/event-stats', name: '活动统计', icon: 'eventStats', section: 'eventStats', description: '按场所类型、地区、月份统计活动场次、报名和到场率' },
      { path: '/event-coverage', name: '指标完成情况', icon: 'coverage', section: 'eventCoverage', description: '查看年度讲座指标未完成的社区、村和单位' },
      { path: '/host-units', name: '承办单位', icon: 'hostUnit', section: 'hostUnits', description: '维护机关、企业、学校等承办单位及职工人数' },
    ],
  },
  { path: '/regions', name: '区域管理', icon: 'region', section: 'regions', description: '维护辖区的区县、街道、社区及人口信息' },
  { path: '/staff', name: '账号管理', icon: 'staff', section: 'staff', description: '创建工作人员账号，分配角色与区域' },
  { path: '/audit', name: '审计日志', icon: 'audit', section: 'audit', description: '查询登录与操作记录' },
  // Everyone's own: how alert notices reach them (and, for region admins, their region's group robot).
  { path: '/notifications', name: '通知设置', icon: 'notice', description: '绑定微信、设置短信手机号、测试提醒，区域管理员维护群机器人' },
];

/** The menu entries the role may see; groups left without children disappear. */
export function visibleMenu(role: StaffRole, entries: MenuEntry[] = MENU): MenuEntry[] {
  return entries.flatMap((entry) => {
    if (entry.section && !mayReadSection(role, entry.section)) return [];
    if (!entry.children) return [entry];
    const children = visibleMenu(role, entry.children);
    return children.length ? [{ ...entry, children }] : [];
  });
}

/** Where a group's own path leads: its first section the role may see, or home. */
export function firstVisibleChild(role: StaffRole, groupPath: string): string {
  const group = visibleMenu(role).find((e) => e.path === groupPath);
  return group?.children?.[0]?.path ?? '/';
}

/** Leaf entries that open a section, flattened, for shortcuts. */
export function visibleSections(role: StaffRole): MenuEntry[] {
  const leaves = (entries: MenuEntry[]): MenuEntry[] => entries.flatMap((e) => (e.children ? leaves(e.children) : [e]));
  return leaves(visibleMenu(role)).filter((e) => e.section);
}
