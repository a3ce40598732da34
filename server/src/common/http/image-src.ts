import { AppException } from '../errors/app-exception';

/**
 * Where an image may come from: this server's upload store (`/uploads/…`), or `https:` on a host of
 * CONTENT_IMAGE_HOSTS. Anything else would let a third party see who reads what (a tracking pixel),
 * and `http:` could be swapped on the way.
 */
export function isAllowedImageSrc(src: string | undefined, hosts: readonly string[]): boolean {
  if (!src) return false;
  if (src.startsWith('/uploads/')) return /^\/uploads\/[\w-][\w./-]*$/.test(src) && !/\.\.|\/\//.test(src);
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && !url.port && hosts.includes(url.hostname);
}

/** Checks a cover image the same way: a 400 naming the field otherwise. */
export function assertAllowedImage(src: string | null | undefined, hosts: readonly string[], label = '封面图片'): void {
  if (src && !isAllowedImageSrc(src, hosts)) {
    throw AppException.badRequest(
      `${label}只能使用本站上传的图片，或 https 且在允许的图片域名（CONTENT_IMAGE_HOSTS）中的地址`,
      { field: 'coverUrl' },
      'VALIDATION_FAILED',
    );
  }
}
