import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

/** 403 / 404 result with a way back home (loaded on demand, see NotAllowed). */
export default function NotAllowedResult({ status }: { status: 403 | 404 }) {
  const navigate = useNavigate();
  const [title, subTitle] = status === 403 ? ['无权访问', '当前账号没有访问此页面的权限'] : ['页面不存在', '您访问的页面不存在或已被移除'];
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={() => navigate('/', { replace: true })}>
          返回首页
        </Button>
      }
    />
  );
}
