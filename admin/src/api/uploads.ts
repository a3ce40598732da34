import { http } from './client';

/** What `POST /admin/uploads` accepts; checked client-side before sending. */
export const UPLOAD_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

export const uploadsApi = {
  image(file: Blob, filename?: string) {
    const form = new FormData();
    form.append('file', file, filename);
    return http.post<{ url: string }>('/admin/uploads', form);
  },
};
