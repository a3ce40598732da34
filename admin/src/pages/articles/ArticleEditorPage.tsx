import { useMemo, useState } from 'react';
import { FooterToolbar, PageContainer, ProCard, ProForm, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, Form, Space } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ARTICLE_CATEGORY_LABELS, POPULATION_GROUP_LABELS, hasPermission, type AdminArticle } from '@xinqiao/shared';
import { articlesApi } from '../../api/articles';
import { useStaff } from '../../auth/SessionContext';
import { CoverUpload } from '../../components/CoverUpload';
import { ItemGate, itemPending } from '../../components/ItemEditor';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { RichTextEditor } from '../../components/RichTextEditor';
import { useLoadItem } from '../../hooks/useLoadItem';
import { htmlHasText, formatDateTime } from '../../utils/format';
import { labelOptions } from '../../utils/proTable';
import { articleToForm, emptyArticleForm, toArticleInput, type ArticleFormValues } from './articleForm';
import { ArticleStatusTag } from './ArticleStatusTag';
import { useArticleActions } from './useArticleActions';

type Saving = 'save' | 'publish' | null;

export default function ArticleEditorPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const staff = useStaff();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const actions = useArticleActions();
  const [form] = Form.useForm<ArticleFormValues>();
  const loaded = useLoadItem(id === null || Number.isNaN(id) ? null : id, () => articlesApi.get(id!), '文章加载失败');
  const { item: article, setItem: setArticle } = loaded;
  const [saving, setSaving] = useState<Saving>(null);
  const canPublish = hasPermission(staff.role, 'articles.publish');
  const published = article?.status === 'published';
  // Computed once per article: ProForm only reads initialValues on mount, later saves must not change them.
  const articleId = article?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialValues = useMemo(() => (article ? articleToForm(article) : emptyArticleForm(staff.regionId)), [articleId]);

  const save = async (publish: boolean) => {
    let values: ArticleFormValues;
    try {
      values = await form.validateFields();
    } catch {
      void message.error('请检查表单中标红的内容');
      return;
    }
    setSaving(publish ? 'publish' : 'save');
    let saved: AdminArticle | null = null;
    try {
      const input = toArticleInput(values);
      saved = id === null ? await articlesApi.create(input) : await articlesApi.update(id, { ...input, version: article?.version });
      if (publish) {
        await actions.publish(saved.id);
        navigate('/articles');
        return;
      }
      void message.success(published ? '修改已保存' : '草稿已保存');
      // A new article continues on its own URL (a fresh mount); an existing one just updates.
      if (id === null) navigate(`/articles/${saved.id}`, { replace: true });
      else setArticle(saved);
    } catch {
      // Shown by the API client. A new article that was saved but not published stays editable.
      if (id === null && saved) navigate(`/articles/${saved.id}`, { replace: true });
    } finally {
      setSaving(null);
    }
  };

  if (itemPending(id, loaded)) return <ItemGate id={id} loaded={loaded} back={{ label: '返回列表', url: '/articles' }} />;

  return (
    <PageContainer
      title={id === null ? '新建文章' : '编辑文章'}
      onBack={() => navigate('/articles')}
      tags={article ? <ArticleStatusTag status={article.status} /> : undefined}
      subTitle={article ? `作者 ${article.authorName} · 更新于 ${formatDateTime(article.updatedAt)}` : undefined}
    >
      <ProCard style={{ marginBottom: 64 }}>
        <ProForm<ArticleFormValues> form={form} name="article" layout="vertical" submitter={false} initialValues={initialValues} style={{ maxWidth: 960 }}>
          <ProFormText
            name="title"
            label="标题"
            placeholder="请输入文章标题"
            fieldProps={{ maxLength: 100, showCount: true }}
            rules={[{ required: true, whitespace: true, message: '请输入标题' }]}
          />
          <ProFormTextArea
            name="summary"
            label="摘要"
            placeholder="一两句话概括文章内容，显示在列表中"
            fieldProps={{ maxLength: 300, showCount: true, autoSize: { minRows: 2, maxRows: 4 } }}
            rules={[{ required: true, whitespace: true, message: '请输入摘要' }]}
          />
          <Form.Item name="coverUrl" label="封面" extra="支持 JPG、PNG、WebP、GIF，不超过 5 MB">
            <CoverUpload />
          </Form.Item>
          <ProForm.Group>
            <ProFormSelect
              name="category"
              label="分类"
              width="sm"
              placeholder="请选择分类"
              options={labelOptions(ARTICLE_CATEGORY_LABELS)}
              rules={[{ required: true, message: '请选择分类' }]}
            />
            <Form.Item name="regionId" label="发布范围" rules={[{ required: true, message: '请选择发布范围' }]} extra="所选区域及其下级区域的居民可以看到">
              <RegionTreeSelect style={{ width: 280 }} allowClear={false} />
            </Form.Item>
          </ProForm.Group>
          <ProFormSelect
            name="audiences"
            label="目标人群"
            mode="multiple"
            placeholder="不选表示面向全体居民"
            options={labelOptions(POPULATION_GROUP_LABELS)}
            fieldProps={{ allowClear: true }}
          />
          <ProFormText name="source" label="来源" placeholder="如：国家卫生健康委员会" fieldProps={{ maxLength: 200 }} />
          <Form.Item
            name="body"
            label="正文"
            rules={[{ validator: (_, v: string | undefined) => (htmlHasText(v) ? Promise.resolve() : Promise.reject(new Error('请输入正文'))) }]}
          >
            <RichTextEditor ariaLabel="正文" placeholder="请输入正文" />
          </Form.Item>
        </ProForm>
      </ProCard>
      <FooterToolbar>
        <Space>
          <Button onClick={() => navigate('/articles')}>取消</Button>
          <Button loading={saving === 'save'} disabled={saving !== null} onClick={() => void save(false)} type={published ? 'primary' : 'default'}>
            {published ? '保存修改' : '保存草稿'}
          </Button>
          {canPublish && !published ? (
            <Button type="primary" loading={saving === 'publish'} disabled={saving !== null} onClick={() => void save(true)}>
              保存并发布
            </Button>
          ) : null}
        </Space>
      </FooterToolbar>
    </PageContainer>
  );
}
