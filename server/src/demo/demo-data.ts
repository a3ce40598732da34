import type {
  AgeBand,
  ArticleCategory,
  AvailabilityBlockInput,
  BookingKind,
  BookingStatus,
  IntakeTopic,
  CounsellorSpecialty,
  DutyRole,
  EventKind,
  EventSpeaker,
  HotlineAudience,
  PlaceType,
  PopulationGroup,
  RegionLevel,
  RegistrationField,
  SessionMode,
  StaffRole,
  StationService,
  StationType,
  TimeRange,
  UrbanRural,
  WeeklyHours,
} from '@xinqiao/shared';

/** Demo content: a district of 重庆市永川区 as in the 胜利路街道 plan (seeds/000), with made-up figures. */
export interface DemoRegion {
  name: string;
  level: RegionLevel;
  code: string;
  urbanRural?: UrbanRural;
  population?: number;
  urbanPopulation?: number;
  children?: DemoRegion[];
}

export const DEMO_REGIONS: DemoRegion = {
  name: '重庆市',
  level: 'city',
  code: '500000',
  children: [
    {
      name: '永川区',
      level: 'district',
      code: '500118',
      children: [
        {
          name: '胜利路街道',
          level: 'street',
          code: '500118001',
          children: [
            { name: '萱花社区', level: 'community', code: '500118001001', urbanRural: 'urban', population: 12600, urbanPopulation: 12600 },
            { name: '红河社区', level: 'community', code: '500118001002', urbanRural: 'urban', population: 9800, urbanPopulation: 9800 },
            { name: '五间村', level: 'community', code: '500118001201', urbanRural: 'rural', population: 3200, urbanPopulation: 0 },
          ],
        },
        {
          name: '中山路街道',
          level: 'street',
          code: '500118002',
          children: [
            { name: '渝西社区', level: 'community', code: '500118002001', urbanRural: 'urban', population: 15100, urbanPopulation: 15100 },
            { name: '兴龙湖社区', level: 'community', code: '500118002002', urbanRural: 'urban', population: 11300, urbanPopulation: 11300 },
          ],
        },
        {
          name: '陈食街道',
          level: 'street',
          code: '500118003',
          children: [
            { name: '陈食社区', level: 'community', code: '500118003001', urbanRural: 'urban', population: 5200, urbanPopulation: 5200 },
            { name: '龙凤桥村', level: 'community', code: '500118003201', urbanRural: 'rural', population: 2800, urbanPopulation: 0 },
          ],
        },
      ],
    },
  ],
};

export const DEMO_PASSWORD = 'Demo@2026xq';

export const DEMO_STAFF: { username: string; displayName: string; role: StaffRole; regionCode: string }[] = [
  { username: 'region_yc', displayName: '永川区心理服务中心', role: 'region_admin', regionCode: '500118' },
  { username: 'editor_sl', displayName: '胜利路街道宣传员', role: 'content_editor', regionCode: '500118001' },
  { username: 'editor_zx', displayName: '中山路街道宣传员', role: 'content_editor', regionCode: '500118002' },
  { username: 'reviewer_yc', displayName: '永川区内容审核', role: 'content_reviewer', regionCode: '500118' },
  { username: 'counsellor_sl', displayName: '胜利路心理咨询师', role: 'counsellor', regionCode: '500118001' },
  { username: 'counsellor_zs', displayName: '中山路心理咨询师', role: 'counsellor', regionCode: '500118002' },
  { username: 'organiser_sl', displayName: '胜利路活动组织者', role: 'event_organiser', regionCode: '500118001' },
  { username: 'checkin_sl', displayName: '胜利路签到员', role: 'checkin_staff', regionCode: '500118001' },
  { username: 'station_sl', displayName: '胜利路心理服务站负责人', role: 'station_manager', regionCode: '500118001' },
];

export interface DemoArticle {
  title: string;
  summary: string;
  category: ArticleCategory;
  audiences: PopulationGroup[];
  regionCode: string;
  body: string;
  source: string;
  published: boolean;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: '心理健康是健康的重要组成部分',
    summary: '身心健康密切关联、相互影响。照顾好情绪，也是在照顾身体。',
    category: 'knowledge',
    audiences: [],
    regionCode: '500000',
    source: '《心理健康素养十条》（国家卫生健康委，2018）',
    published: true,
    body:
      '<h2>身心健康，密不可分</h2><p>世界卫生组织对健康的定义包括身体、心理和社会适应的良好状态。长期的焦虑、抑郁等不良情绪，可能引起失眠、头痛、胃肠不适、血压波动等身体反应；身体疾病也会影响情绪。</p>' +
      '<p><strong>每个人都是自己心理健康的第一责任人。</strong>规律作息、适量运动、与家人朋友保持联系，都是维护心理健康的好办法。</p>' +
      '<p>如果情绪困扰持续两周以上、影响到学习工作和生活，请及时寻求专业帮助。全国统一心理援助热线：<strong>12356</strong>。</p>',
  },
  {
    title: '睡不好，别忽视',
    summary: '失眠可能是心身健康问题的信号。了解睡眠卫生，必要时及早求助。',
    category: 'emotion',
    audiences: ['employee', 'elderly'],
    regionCode: '500000',
    source: '《心理健康素养十条》（国家卫生健康委，2018）',
    published: true,
    body:
      '<h2>睡眠与心理健康</h2><p>入睡困难、夜间易醒、早醒后难以再睡，持续一段时间就要引起重视。失眠既可能是压力大、情绪不好的表现，也可能是抑郁、焦虑等问题的早期信号。</p>' +
      '<ul><li>固定起床时间，白天尽量不补觉；</li><li>睡前一小时放下手机，避免浓茶、咖啡和饮酒；</li><li>床只用来睡觉，睡不着就起来做些放松的事；</li><li>白天适量运动，多晒太阳。</li></ul>' +
      '<p>如果调整作息后仍持续睡不好，请到医院睡眠门诊或精神心理科就诊，不要自行长期服用安眠药。</p>',
  },
  {
    title: '出现心理问题积极求助，是负责任、有智慧的表现',
    summary: '求助不是软弱。知道去哪里、怎样求助，是重要的心理健康素养。',
    category: 'crisis',
    audiences: [],
    regionCode: '500000',
    source: '《心理健康素养十条》（国家卫生健康委，2018）',
    published: true,
    body:
      '<h2>可以向谁求助</h2><p>心理问题和身体疾病一样，越早干预效果越好。可以先和信任的家人朋友聊一聊，也可以寻求专业帮助：</p>' +
      '<ul><li>全国统一心理援助热线 <strong>12356</strong>；</li><li>青少年服务台 12355；</li><li>妇女维权公益服务热线 12338；</li><li>所在街道、乡镇的心理服务站和社区心理咨询室；</li><li>精神卫生专科医院或综合医院的心理门诊。</li></ul>' +
      '<p>如果你或身边的人有伤害自己的想法，请立即拨打 12356 或 120，不要独自承受。</p>',
  },
  {
    title: '孩子的情绪，需要被看见',
    summary: '儿童心理发展有规律，多了解、多尊重、科学引导。',
    category: 'youth',
    audiences: ['parent', 'student'],
    regionCode: '500000',
    source: '《心理健康素养十条》（国家卫生健康委，2018）',
    published: true,
    body:
      '<h2>当孩子说“我不开心”</h2><p>先倾听，不急着讲道理。蹲下来和孩子平视，复述孩子的感受：“你因为……觉得很难过，对吗？”被理解的孩子更容易平静下来。</p>' +
      '<p>关注孩子的睡眠、饮食、学习兴趣和交往的变化。出现持续的情绪低落、厌学、回避社交等情况，可以联系学校心理老师或专业机构。</p>',
  },
  {
    title: '胜利路街道心理服务站开放时间',
    summary: '街道心理服务站每周开放不少于 40 小时，提供心理咨询、科普和转介服务。',
    category: 'policy',
    audiences: [],
    regionCode: '500118001',
    source: '胜利路街道社会心理服务工作方案',
    published: true,
    body:
      '<p>胜利路街道心理服务站位于街道便民服务中心二楼，周一至周五 8:30-12:00、14:00-18:00，周六 9:00-17:00 开放。</p>' +
      '<p>服务内容：心理咨询与疏导、心理健康讲座、心理测评、转介就医。所有咨询内容严格保密。</p>',
  },
  {
    title: '适量运动，缓解焦虑抑郁（草稿）',
    summary: '运动是简单有效的情绪调节方式。',
    category: 'emotion',
    audiences: [],
    regionCode: '500118001',
    source: '《心理健康素养十条》（国家卫生健康委，2018）',
    published: false,
    body: '<p>每周进行 150 分钟中等强度的有氧运动，如快走、慢跑、游泳、骑车，有助于改善情绪和睡眠。</p>',
  },
];

/**
 * Regional lines for the demo district. The numbers are placeholders that reach the national
 * 12356 service; a real deployment enters the lines its health commission publishes.
 */
export const DEMO_HOTLINES: {
  name: string;
  number: string;
  hours: string;
  is24h: boolean;
  audiences: HotlineAudience[];
  source: string;
  regionCode: string;
}[] = [
  {
    name: '永川区心理援助热线（演示数据）',
    number: '023-12356',
    hours: '演示数据：请替换为当地公布的服务时间',
    is24h: false,
    audiences: ['all'],
    source: '演示数据，上线前请替换为当地卫生健康部门公布的号码',
    regionCode: '500118',
  },
];

/** Units the demo events are held for; staff counts decide which have a yearly quota (more than 100). */
export const DEMO_HOST_UNITS: { name: string; placeType: PlaceType; regionCode: string; staffCount: number | null }[] = [
  { name: '永川区胜利路中学', placeType: 'school', regionCode: '500118001', staffCount: 180 },
  { name: '胜利路街道办事处', placeType: 'agency', regionCode: '500118001', staffCount: 60 },
  { name: '渝西科技有限公司', placeType: 'enterprise', regionCode: '500118002', staffCount: 320 },
];

/**
 * "六进" events, published for the coming weeks (dates are relative to when the demo data is
 * loaded; times are China time). The last one has 3 seats, to show the waiting list.
 */
export const DEMO_EVENTS: {
  title: string;
  kind: EventKind;
  placeType: PlaceType;
  regionCode: string;
  hostUnit: string | null;
  venue: { name: string; address: string; lat: number; lng: number };
  inDays: number;
  startHour: number;
  minutes: number;
  capacity: number;
  requiredFields: RegistrationField[];
  audiences: PopulationGroup[];
  description: string;
  speakers: EventSpeaker[];
  organiser: string;
}[] = [
  {
    title: '情绪管理与压力应对讲座',
    kind: 'lecture',
    placeType: 'community',
    regionCode: '500118001001',
    hostUnit: null,
    venue: { name: '萱花社区党群服务中心', address: '永川区胜利路街道萱花路 12 号二楼多功能厅', lat: 29.3561, lng: 105.9273 },
    inDays: 7,
    startHour: 14,
    minutes: 90,
    capacity: 40,
    requiredFields: ['name', 'phone'],
    audiences: ['employee', 'parent'],
    description: '认识压力与情绪的来源，学习几种简单易行的放松方法。讲座后有答疑，欢迎社区居民参加。',
    speakers: [{ name: '李老师', title: '国家二级心理咨询师', bio: '长期从事社区心理健康服务。' }],
    organiser: 'organiser_sl',
  },
  {
    title: '亲子沟通工作坊',
    kind: 'activity',
    placeType: 'community',
    regionCode: '500118001002',
    hostUnit: null,
    venue: { name: '红河社区活动室', address: '永川区胜利路街道红河路 8 号', lat: 29.3522, lng: 105.9311 },
    inDays: 14,
    startHour: 9,
    minutes: 120,
    capacity: 20,
    requiredFields: ['name'],
    audiences: ['parent'],
    description: '通过情景练习，学习倾听与表达，改善与孩子的沟通。请家长带孩子一同参加。',
    speakers: [{ name: '王老师', title: '学校心理健康教师', bio: null }],
    organiser: 'organiser_sl',
  },
  {
    title: '心理健康知识进农村',
    kind: 'lecture',
    placeType: 'village',
    regionCode: '500118001201',
    hostUnit: null,
    venue: { name: '五间村村委会', address: '永川区胜利路街道五间村 1 组', lat: 29.3702, lng: 105.9105 },
    inDays: 10,
    startHour: 15,
    minutes: 60,
    capacity: 60,
    requiredFields: [],
    audiences: ['elderly', 'other'],
    description: '用身边的例子讲解睡眠、情绪与身体健康的关系，介绍 12356 心理援助热线。',
    speakers: [{ name: '张医生', title: '永川区人民医院精神科主治医师', bio: null }],
    organiser: 'organiser_sl',
  },
  {
    title: '中学生心理健康讲座',
    kind: 'lecture',
    placeType: 'school',
    regionCode: '500118001',
    hostUnit: '永川区胜利路中学',
    venue: { name: '胜利路中学报告厅', address: '永川区胜利路 66 号', lat: 29.3547, lng: 105.924 },
    inDays: 18,
    startHour: 16,
    minutes: 60,
    capacity: 200,
    requiredFields: [],
    audiences: ['student'],
    description: '面向初高中学生：认识考试焦虑，学会求助。',
    speakers: [{ name: '陈老师', title: '心理健康教育专职教师', bio: null }],
    organiser: 'organiser_sl',
  },
  {
    title: '职场心理健康讲座',
    kind: 'lecture',
    placeType: 'enterprise',
    regionCode: '500118002001',
    hostUnit: '渝西科技有限公司',
    venue: { name: '渝西科技园区会议中心', address: '永川区中山路街道渝西大道 99 号', lat: 29.3489, lng: 105.9012 },
    inDays: 21,
    startHour: 14,
    minutes: 90,
    capacity: 80,
    requiredFields: ['name'],
    audiences: ['employee'],
    description: '职场压力、睡眠与情绪：识别信号，及早调整，知道到哪里求助。',
    speakers: [{ name: '刘老师', title: 'EAP 咨询师', bio: null }],
    organiser: 'region_yc',
  },
  {
    title: '老年人心理关爱小组活动',
    kind: 'activity',
    placeType: 'community',
    regionCode: '500118002002',
    hostUnit: null,
    venue: { name: '兴龙湖社区老年活动中心', address: '永川区中山路街道兴龙湖路 3 号', lat: 29.3455, lng: 105.8968 },
    inDays: 5,
    startHour: 9,
    minutes: 90,
    capacity: 3,
    requiredFields: ['name', 'phone'],
    audiences: ['elderly'],
    description: '小组形式的怀旧与分享活动，名额很少，满员后可加入候补。',
    speakers: [{ name: '赵社工', title: '社会工作师', bio: null }],
    organiser: 'region_yc',
  },
];

const range = (start: string, end: string): TimeRange => ({ start, end });
const weekdays = (ranges: TimeRange[]): WeeklyHours => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });

/**
 * The station directory: a street's 心理服务站 and 心灵驿站, both open at least 40 hours a week as
 * the seeds ask, and the district's referral target. Addresses, map points and phone numbers are
 * made up. No 放假/调休 days are seeded: the official notices are not available here, and a wrong
 * calendar would close or open stations on the wrong days; a system admin enters them.
 */
export interface DemoStation {
  name: string;
  type: StationType;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  phone: string | null;
  services: StationService[];
  accessibility: string | null;
  description: string;
  weeklyHours: WeeklyHours;
  /** A dated change, `inDays` after the demo data is loaded (China date). */
  exception?: { inDays: number; hours: TimeRange[]; note: string };
}

export const DEMO_STATIONS: DemoStation[] = [
  {
    name: '胜利路街道心理服务站',
    type: 'service_station',
    regionCode: '500118001',
    address: '永川区胜利路街道萱花路 20 号街道综治中心一楼',
    lat: 29.3558,
    lng: 105.9265,
    phone: '023-00000001',
    services: ['counselling', 'assessment', 'lecture', 'group', 'referral'],
    accessibility: '一楼，入口设无障碍坡道；行动不便可电话预约上门服务',
    description: '演示数据：街道心理服务站，提供心理咨询、心理测评、团体辅导和转介服务。',
    // Mon-Fri 08:30-12:00 and 14:00-18:00 = 3.5 + 4 = 7.5 h x 5 = 37.5 h, Sat 09:00-12:00 = 3 h: 40.5 h.
    weeklyHours: { ...weekdays([range('08:30', '12:00'), range('14:00', '18:00')]), 6: [range('09:00', '12:00')] },
    exception: { inDays: 7, hours: [range('08:30', '12:00')], note: '下午开展社区讲座，服务站暂停接待' },
  },
  {
    name: '中山路街道心灵驿站',
    type: 'heart_station',
    regionCode: '500118002',
    address: '永川区中山路街道渝西大道中段 66 号社区服务中心二楼',
    lat: 29.3487,
    lng: 105.9118,
    phone: '023-00000002',
    services: ['counselling', 'assessment', 'group', 'crisis', 'hotline'],
    accessibility: '二楼，有电梯',
    description: '演示数据：心灵驿站，公示咨询人员资质，提供心理疏导和危机干预。',
    // Mon-Fri 09:00-12:00 and 14:00-18:00 = 7 h x 5 = 35 h, Sat 09:00-12:00 and 13:00-17:00 = 7 h: 42 h.
    weeklyHours: { ...weekdays([range('09:00', '12:00'), range('14:00', '18:00')]), 6: [range('09:00', '12:00'), range('13:00', '17:00')] },
  },
  {
    name: '永川区精神卫生中心',
    type: 'mental_health_centre',
    regionCode: '500118',
    address: '永川区（演示地址）',
    lat: 29.3652,
    lng: 105.9347,
    phone: null,
    services: ['psychiatry', 'crisis', 'assessment', 'referral'],
    accessibility: null,
    description: '演示数据：转介目标（精神科诊疗与危机干预），上线前请替换为当地机构的真实信息。',
    weeklyHours: { ...weekdays([range('08:00', '12:00'), range('14:00', '17:30')]), 6: [range('08:00', '12:00')], 7: [range('08:00', '12:00')] },
  },
];

/** Counsellor profiles, published with consent recorded by the district office; names and certificate numbers are made up. */
export interface DemoCounsellor {
  name: string;
  qualification: string;
  title: string | null;
  certificateNo: string | null;
  specialties: CounsellorSpecialty[];
  languages: string[];
  modes: SessionMode[];
  bio: string;
  regionCode: string;
  /** The staff account the profile belongs to. */
  staff: string | null;
  stations: string[];
}

export const DEMO_COUNSELLORS: DemoCounsellor[] = [
  {
    name: '李静',
    qualification: '国家二级心理咨询师',
    title: null,
    certificateNo: 'DEMO-0001',
    specialties: ['emotions', 'family', 'parenting'],
    languages: ['普通话', '重庆话'],
    modes: ['in_person', 'phone'],
    bio: '演示数据：从事社区心理服务八年，擅长情绪疏导和亲子沟通。',
    regionCode: '500118001',
    staff: 'counsellor_sl',
    stations: ['胜利路街道心理服务站'],
  },
  {
    name: '王磊',
    qualification: '心理治疗师（中级）',
    title: '主治医师',
    certificateNo: 'DEMO-0002',
    specialties: ['youth', 'study', 'sleep'],
    languages: ['普通话'],
    modes: ['in_person'],
    bio: '演示数据：关注青少年心理和学业压力。',
    regionCode: '500118002',
    staff: 'counsellor_zs',
    stations: ['中山路街道心灵驿站'],
  },
  {
    name: '陈芳',
    qualification: '精神科主治医师',
    title: '主治医师',
    certificateNo: null,
    specialties: ['crisis', 'elderly', 'grief'],
    languages: ['普通话', '重庆话'],
    modes: ['phone', 'in_person'],
    bio: '演示数据：精神卫生中心医师，每周在胜利路街道心理服务站坐诊半天，并接听电话咨询。',
    regionCode: '500118',
    staff: null,
    stations: ['永川区精神卫生中心', '胜利路街道心理服务站'],
  },
];

/**
 * Booking: the counsellors' weekly availability (in person at their stations, some phone time), a
 * call-back line on the district hotline, and a demo resident (体验账号 `demo-resident` in the H5
 * build's dev login) with bookings in every state, placed relative to when the data is loaded.
 */
export const DEMO_AVAILABILITY: { counsellor: string; blocks: (Omit<AvailabilityBlockInput, 'stationId'> & { station: string | null })[] }[] = [
  {
    counsellor: '李静',
    blocks: [
      ...([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '12:00', mode: 'in_person' as const, station: '胜利路街道心理服务站' })),
      { weekday: 2, start: '14:00', end: '17:00', mode: 'phone', station: null },
      { weekday: 4, start: '14:00', end: '17:00', mode: 'phone', station: null },
    ],
  },
  {
    counsellor: '王磊',
    blocks: [
      ...([1, 3, 5] as const).map((weekday) => ({ weekday, start: '14:00', end: '18:00', mode: 'in_person' as const, station: '中山路街道心灵驿站' })),
      { weekday: 6, start: '09:00', end: '12:00', mode: 'in_person', station: '中山路街道心灵驿站' },
    ],
  },
  {
    counsellor: '陈芳',
    blocks: [
      { weekday: 3, start: '14:00', end: '18:00', mode: 'in_person', station: '胜利路街道心理服务站' },
      { weekday: 1, start: '14:00', end: '17:00', mode: 'phone', station: null },
      { weekday: 5, start: '14:00', end: '17:00', mode: 'phone', station: null },
    ],
  },
];

/** Call-backs from the district hotline on weekdays, three per hour. */
export const DEMO_CALLBACK_LINE = {
  hotline: '永川区心理援助热线（演示数据）',
  weeklyHours: weekdays([range('09:00', '12:00'), range('14:00', '17:00')]),
  capacityPerWindow: 3,
};

/**
 * Duty rosters (值班表) of the demo streets, all week round the clock: a new red or yellow alert of
 * one of their communities goes to the street's counsellor at once. The district has no roster: its
 * region admin region_yc (永川区心理服务中心) is the centre an unclaimed red alert escalates to.
 */
export const DEMO_DUTY: { username: string; regionCode: string; role: DutyRole }[] = [
  { username: 'counsellor_sl', regionCode: '500118001', role: 'primary' },
  { username: 'counsellor_zs', regionCode: '500118002', role: 'primary' },
];

export const DEMO_RESIDENT = { openid: 'demo-resident', regionCode: '500118001001', ageBand: '35to59' as AgeBand };

export interface DemoBooking {
  kind: BookingKind;
  status: BookingStatus;
  /** Days from the day the data is loaded, and the China-time start. */
  inDays: number;
  at: string;
  counsellor: string;
  station: string | null;
  topic: IntakeTopic | null;
  note: string | null;
  rating: { score: number; comment: string | null } | null;
  cancelReason?: string;
}

export const DEMO_BOOKINGS: DemoBooking[] = [
  {
    kind: 'in_person',
    status: 'confirmed',
    inDays: 3,
    at: '09:00',
    counsellor: '李静',
    station: '胜利路街道心理服务站',
    topic: 'sleep',
    note: '演示数据：最近入睡困难，想聊聊怎么调整。',
    rating: null,
  },
  {
    kind: 'in_person',
    status: 'attended',
    inDays: -14,
    at: '10:00',
    counsellor: '李静',
    station: '胜利路街道心理服务站',
    topic: 'emotions',
    note: null,
    rating: { score: 5, comment: '演示数据：老师很耐心。' },
  },
  { kind: 'phone', status: 'attended', inDays: -3, at: '14:00', counsellor: '陈芳', station: null, topic: null, note: null, rating: null },
  {
    kind: 'in_person',
    status: 'cancelled',
    inDays: 6,
    at: '09:00',
    counsellor: '李静',
    station: '胜利路街道心理服务站',
    topic: null,
    note: null,
    rating: null,
    cancelReason: '演示数据：临时有事',
  },
];
