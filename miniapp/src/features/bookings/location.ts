import Taro from '@tarojs/taro';
import type { GeoPoint } from '@xinqiao/shared';
import { wgs84ToGcj02 } from '../../utils/gcj02';

/**
 * The resident's position in GCJ-02 (the stations' datum), asked once when they open the directory;
 * null when they refuse or it cannot be had. WeChat gives GCJ-02 itself; Taro's H5 getLocation only
 * knows the browser's WGS-84, which is converted here.
 */
export async function currentPosition(timeoutMs = 10_000): Promise<GeoPoint | null> {
  // A browser's permission prompt left unanswered never settles: list by region meanwhile.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([locate(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function locate(): Promise<GeoPoint | null> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const r = await Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: 8000 } as Taro.getLocation.Option);
      return wgs84ToGcj02(r.latitude, r.longitude);
    }
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { lat: r.latitude, lng: r.longitude };
  } catch {
    return null;
  }
}
