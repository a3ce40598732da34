import { ValidateBy } from 'class-validator';

/** What `POST /admin/uploads` hands back: `/uploads/<uuid>.<ext>`, nothing from elsewhere. */
const UPLOAD_URL = /^\/uploads\/[0-9a-f-]{36}\.(jpg|png|gif|webp)$/;

/** An image uploaded through this server's upload endpoint (photos of stations and counsellors). */
export const IsUploadUrl = () =>
  ValidateBy({ name: 'isUploadUrl', validator: { validate: (value: unknown) => typeof value === 'string' && UPLOAD_URL.test(value) } });
