import { api, data, fileForm } from './client';

/** What `POST /admin/uploads` accepts; checked client-side before sending. */
export const UPLOAD_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

export const uploadsApi = {
  image: (file: Blob, filename?: string): Promise<{ url: string }> =>
    data(api.POST('/admin/uploads', { body: { file }, bodySerializer: () => fileForm(file, filename) })),
};
