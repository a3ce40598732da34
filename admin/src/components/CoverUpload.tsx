import { useState } from 'react';
import { App, Button, Image, Space, Upload, type UploadProps } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { UPLOAD_IMAGE_TYPES, UPLOAD_MAX_BYTES, uploadsApi } from '../api/uploads';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (url: string | null) => void;
  /** What the image is, in the buttons ("上传照片"); default 封面. */
  label?: string;
}

/** Uploads one image to `/admin/uploads` and keeps the returned URL as the field value. */
export function CoverUpload({ id, value, onChange, label = '封面' }: Props) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!UPLOAD_IMAGE_TYPES.includes(file.type)) {
      void message.error('仅支持 JPG、PNG、WebP、GIF 格式的图片');
      return Upload.LIST_IGNORE;
    }
    if (file.size > UPLOAD_MAX_BYTES) {
      void message.error('图片不能超过 5 MB');
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    setUploading(true);
    try {
      const { url } = await uploadsApi.image(file as Blob, (file as File).name);
      onChange?.(url);
      onSuccess?.({ url });
    } catch (e) {
      onError?.(e as Error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space align="start" size="middle">
      {value ? <Image src={value} width={200} alt={`${label}预览`} data-testid="cover-preview" /> : null}
      <Space direction="vertical">
        <Upload id={id} accept={UPLOAD_IMAGE_TYPES.join(',')} showUploadList={false} beforeUpload={beforeUpload} customRequest={customRequest}>
          <Button icon={<UploadOutlined />} loading={uploading}>
            {value ? `更换${label}` : `上传${label}`}
          </Button>
        </Upload>
        {value ? (
          <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
            移除{label}
          </Button>
        ) : null}
      </Space>
    </Space>
  );
}
