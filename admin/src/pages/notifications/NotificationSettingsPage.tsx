import { useCallback, useEffect, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import {
  STAFF_MOBILE_MESSAGES,
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_REASON_LABELS,
  NOTIFICATION_STATUS_LABELS,
  formatChinaDateTime,
  hasPermission,
  problemMessages,
  staffMobileProblems,
  type RegionRobotWebhook,
  type StaffBindingCode,
  type StaffNoticeSettings,
  type TestNoticeResult,
} from '@xinqiao/shared';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { notificationsApi } from './notificationsApi';

const STATUS_COLOURS = { sent: 'green', queued: 'blue', skipped: 'default', failed: 'red' } as const;

/** The binding code as a QR image (made here with `qrcode`, no request leaves the page) and as text. */
function BindingCode({ code }: { code: StaffBindingCode }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(code.code, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then((url) => live && setImage(url));
    return () => {
      live = false;
    };
  }, [code.code]);
  return (
    <Space align="start" size="large" wrap>
      {image ? <img src={image} width={220} height={220} alt="微信绑定二维码" data-testid="binding-qr" /> : null}
      <Space direction="vertical">
        <Typography.Text>在微信中打开心桥小程序，进入「我的 → 绑定工作微信」，扫描左侧二维码，或粘贴下面的绑定码：</Typography.Text>
        <Typography.Paragraph copyable code data-testid="binding-code" style={{ wordBreak: 'break-all' }}>
          {code.code}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          绑定码只能使用一次，{formatChinaDateTime(new Date(code.expiresAt))} 前有效。绑定后请在小程序中允许接收“值班提醒”消息。
        </Typography.Text>
      </Space>
    </Space>
  );
}

function TestResult({ result }: { result: TestNoticeResult }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={result.deliveries}
      columns={[
        {
          title: '渠道',
          dataIndex: 'channel',
          render: (c: keyof typeof NOTIFICATION_CHANNEL_LABELS, d) => `${NOTIFICATION_CHANNEL_LABELS[c]}${d.target.startsWith('region:') ? '（本区域）' : ''}`,
        },
        {
          title: '结果',
          dataIndex: 'status',
          render: (s: keyof typeof STATUS_COLOURS) => <Tag color={STATUS_COLOURS[s]}>{NOTIFICATION_STATUS_LABELS[s]}</Tag>,
        },
        {
          title: '原因',
          dataIndex: 'reason',
          render: (r: keyof typeof NOTIFICATION_REASON_LABELS | null, d) =>
            r ? NOTIFICATION_REASON_LABELS[r] : d.status === 'queued' ? '仍在发送中，稍后可在收件端查看' : '-',
        },
      ]}
    />
  );
}

/** Region admins keep their regions' 企业微信 group robots here. */
function RobotsCard() {
  const { message } = App.useApp();
  const [robots, setRobots] = useState<RegionRobotWebhook[]>([]);
  const [loading, setLoading] = useState(true);
  const [form] = Form.useForm<{ regionId: number; url: string }>();
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRobots(await notificationsApi.robots());
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (v: { regionId: number; url: string }) => {
    try {
      await notificationsApi.setRobot(v.regionId, { url: v.url.trim() });
    } catch {
      return;
    }
    void message.success('群机器人已保存');
    form.resetFields();
    void load();
  };
  const remove = async (r: RegionRobotWebhook) => {
    try {
      await notificationsApi.removeRobot(r.regionId);
    } catch {
      return;
    }
    void message.success('群机器人已删除');
    void load();
  };

  return (
    <ProCard title="区域企业微信群机器人" bordered headerBordered>
      <Typography.Paragraph type="secondary">
        新预警会推送到所在区域的群机器人；区域未设置时使用最近的上级区域的群机器人。地址中的 key 相当于密码，保存后只显示末四位。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="regionId"
        loading={loading}
        pagination={false}
        dataSource={robots}
        locale={{ emptyText: <Empty description="辖区内尚未设置群机器人" /> }}
        columns={[
          { title: '区域', dataIndex: 'regionName' },
          { title: '地址', dataIndex: 'masked', render: (m: string) => <Typography.Text code>{m}</Typography.Text> },
          { title: '更新时间', dataIndex: 'updatedAt', render: (u: string | null) => (u ? formatChinaDateTime(new Date(u)) : '-') },
          {
            title: '操作',
            render: (_, r) => (
              <Popconfirm title={`删除「${r.regionName}」的群机器人？`} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(r)}>
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 16 }} onFinish={(v) => void save(v)}>
        <Form.Item name="regionId" label="区域" rules={[{ required: true, message: '请选择区域' }]}>
          <RegionTreeSelect style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="url" label="Webhook 地址" rules={[{ required: true, message: '请粘贴群机器人的 Webhook 地址' }]}>
          <Input style={{ width: 420 }} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" maxLength={500} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form.Item>
      </Form>
    </ProCard>
  );
}

/** 通知设置: how alert notices reach the signed-in staff member, and a test through every channel. */
export default function NotificationSettingsPage() {
  const { message } = App.useApp();
  const staff = useStaff();
  const [settings, setSettings] = useState<StaffNoticeSettings | null>(null);
  const [code, setCode] = useState<StaffBindingCode | null>(null);
  const [mobile, setMobile] = useState('');
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<TestNoticeResult | null>(null);
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  const load = useCallback(async () => {
    setSettings(await notificationsApi.settings());
  }, []);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  const newCode = async () => {
    try {
      setCode(await notificationsApi.bindingCode());
    } catch {
      // shown by the client
    }
  };
  const unbind = async () => {
    try {
      await notificationsApi.unbind();
    } catch {
      return;
    }
    setCode(null);
    void message.success('已解除微信绑定');
    void load();
  };
  const saveMobile = async (value: string | null) => {
    const problems = staffMobileProblems(value);
    if (problems.length) {
      void message.error(problemMessages(problems, STAFF_MOBILE_MESSAGES).join('；'));
      return;
    }
    try {
      setSettings(await notificationsApi.setMobile({ mobile: value }));
    } catch {
      return;
    }
    setMobile('');
    void message.success(value ? '手机号已保存' : '已删除手机号');
  };
  const askPermission = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  };
  const test = async () => {
    setTesting(true);
    try {
      setResult(await notificationsApi.test());
      void load();
    } catch {
      // shown by the client
    } finally {
      setTesting(false);
    }
  };

  const onAlerts = hasPermission(staff.role, 'alerts.handle') || hasPermission(staff.role, 'alerts.oversee');

  return (
    <PageContainer title="通知设置" content="新预警、升级和随访到期的提醒会同时通过以下渠道发给您；任一渠道失败不影响其他渠道。">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <ProCard title="管理后台实时提醒" bordered headerBordered>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="页面内提醒">
              {onAlerts ? '登录后台期间自动接收，并播放提示音' : '您的角色不处理预警，页面内不弹出预警提醒'}
            </Descriptions.Item>
            <Descriptions.Item label="浏览器通知">
              {permission === 'granted' ? (
                <Tag color="green">已允许</Tag>
              ) : permission === 'denied' ? (
                <Typography.Text type="secondary">已被浏览器拒绝，请在浏览器的网站设置中允许通知</Typography.Text>
              ) : permission === 'unsupported' ? (
                <Typography.Text type="secondary">当前浏览器不支持</Typography.Text>
              ) : (
                <Button size="small" onClick={() => void askPermission()}>
                  允许浏览器通知
                </Button>
              )}
            </Descriptions.Item>
          </Descriptions>
        </ProCard>

        <ProCard title="微信提醒" bordered headerBordered loading={!settings}>
          {settings && !settings.wechatConfigured ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="系统尚未配置微信值班提醒模板，绑定后暂时收不到微信提醒" />
          ) : null}
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space>
              {settings?.wechat.bound ? (
                <>
                  <Tag color="green" data-testid="wechat-bound">
                    已绑定
                  </Tag>
                  <Typography.Text type="secondary">
                    {settings.wechat.boundAt ? `绑定于 ${formatChinaDateTime(new Date(settings.wechat.boundAt))}` : ''}
                  </Typography.Text>
                  <Popconfirm title="解除后将不再通过微信收到提醒，确定解除？" okText="解除" okButtonProps={{ danger: true }} onConfirm={() => unbind()}>
                    <Button danger size="small">
                      解除绑定
                    </Button>
                  </Popconfirm>
                </>
              ) : (
                <Tag>未绑定</Tag>
              )}
              <Button size="small" onClick={() => void newCode()}>
                {settings?.wechat.bound ? '改绑其他微信' : '获取绑定二维码'}
              </Button>
              <Button size="small" type="link" onClick={() => void load()}>
                刷新状态
              </Button>
            </Space>
            {code ? <BindingCode code={code} /> : null}
          </Space>
        </ProCard>

        <ProCard title="短信提醒" bordered headerBordered loading={!settings}>
          {settings && !settings.smsConfigured ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="系统尚未配置短信服务，暂时不会发送短信提醒" />
          ) : null}
          <Space wrap>
            <Typography.Text>接收提醒的手机号：{settings?.mobile ?? '未设置'}</Typography.Text>
            <Input style={{ width: 180 }} value={mobile} maxLength={11} placeholder="11 位手机号" onChange={(e) => setMobile(e.target.value.trim())} />
            <Button type="primary" size="small" disabled={!mobile} onClick={() => void saveMobile(mobile)}>
              保存
            </Button>
            {settings?.mobile ? (
              <Popconfirm title="删除后将不再收到短信提醒，确定删除？" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => saveMobile(null)}>
                <Button size="small" danger>
                  删除手机号
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </ProCard>

        <ProCard title="测试提醒" bordered headerBordered>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">向您自己发送一条测试提醒，并列出每个渠道的实际结果。</Typography.Text>
            <Button type="primary" loading={testing} onClick={() => void test()} data-testid="send-test-notice">
              发送测试提醒
            </Button>
            {result ? <TestResult result={result} /> : null}
          </Space>
        </ProCard>

        {hasPermission(staff.role, 'regions.manage') ? <RobotsCard /> : null}
      </Space>
    </PageContainer>
  );
}
