import QRCode from 'qrcode';
import { decodeQrPixels, fitWithin } from './qrDecode';

/** Renders a QR code to RGBA pixels as a camera or screenshot would give them: scaled, with a quiet zone. */
function qrPixels(text: string, opts: { scale?: number; margin?: number; inverted?: boolean } = {}) {
  const { scale = 4, margin = 4, inverted = false } = opts;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + margin * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - margin;
      const my = Math.floor(y / scale) - margin;
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx) === 1;
      const v = dark !== inverted ? 0 : 255;
      const i = (y * size + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { data, width: size, height: size };
}

describe('decodeQrPixels', () => {
  const token = 't1.42.AAAAAAAAAAAAAAAA.bPq3Yc0d9GkW1xZr6hT4Vg';

  it('reads the ticket text of a QR code', () => {
    expect(decodeQrPixels(qrPixels(token))).toBe(token);
  });

  it('reads a light-on-dark code too', () => {
    expect(decodeQrPixels(qrPixels(token, { inverted: true }))).toBe(token);
  });

  it('answers null for a picture without a code', () => {
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
    expect(decodeQrPixels(blank)).toBeNull();
  });
});

describe('fitWithin', () => {
  it('scales a photo down to the longer side, never up', () => {
    expect(fitWithin(4000, 3000, 1000)).toEqual({ width: 1000, height: 750 });
    expect(fitWithin(1500, 3000, 1000)).toEqual({ width: 500, height: 1000 });
    expect(fitWithin(400, 300, 1000)).toEqual({ width: 400, height: 300 });
  });
});
