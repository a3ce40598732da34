/**
 * Reading a QR code from pixels: the browser's BarcodeDetector where it has one (Chrome on Android,
 * macOS, ChromeOS), else jsQR. jsQR is imported here only, so it stays in the check-in page's chunk
 * and is loaded with the page (it must be there when the network is gone).
 */
import jsQR from 'jsqr';

export interface RgbaPixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the QR code in the pixels, or null. Light-on-dark codes (some phone themes) are tried too. */
export function decodeQrPixels(pixels: RgbaPixels): string | null {
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
  return found?.data ? found.data : null;
}

/** Width and height scaled down (never up) so the longer side is at most `max`. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Sizes to try for a photo: jsQR is slow on a 12-megapixel picture and a small code in it needs
 * detail, so a moderate size first, then a larger one.
 */
export const PHOTO_DECODE_SIZES = [1000, 2000] as const;

/** The Barcode Detection API, not yet in TypeScript's DOM types. */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource | ImageBitmap): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

let detector: Promise<BarcodeDetectorLike | null> | null = null;

/** The browser's QR detector, or null where there is none (then jsQR is used). */
export function nativeQrDetector(): Promise<BarcodeDetectorLike | null> {
  detector ??= (async () => {
    const Ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
    if (!Ctor) return null;
    try {
      const formats = await Ctor.getSupportedFormats();
      return formats.includes('qr_code') ? new Ctor({ formats: ['qr_code'] }) : null;
    } catch {
      return null;
    }
  })();
  return detector;
}

/** Draws `source` scaled into a canvas and reads its pixels. */
export function pixelsOf(
  source: CanvasImageSource,
  width: number,
  height: number,
  canvas: HTMLCanvasElement = document.createElement('canvas'),
): RgbaPixels | null {
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, width, height);
  const image = ctx.getImageData(0, 0, width, height);
  return { data: image.data, width, height };
}

async function loadImage(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file);
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  // Older Safari: decode through an <img>.
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined };
}

/** The text of the QR code in an image file (a photo or a screenshot of a ticket), or null. */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  const image = await loadImage(file);
  try {
    const native = await nativeQrDetector();
    if (native) {
      const [first] = await native.detect(image.source).catch(() => []);
      if (first?.rawValue) return first.rawValue;
    }
    for (const max of PHOTO_DECODE_SIZES) {
      const size = fitWithin(image.width, image.height, max);
      const pixels = pixelsOf(image.source, size.width, size.height);
      const text = pixels ? decodeQrPixels(pixels) : null;
      if (text) return text;
      // The image was no larger than this size: a bigger try would read the same pixels.
      if (size.width === image.width && size.height === image.height) break;
    }
    return null;
  } finally {
    image.close();
  }
}
