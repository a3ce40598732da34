import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { GeoPoint } from '@xinqiao/shared';
import { amapMarkerUrl } from '../../features/bookings/display';
import './bookings.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** Opens WeChat's map with navigation on the phone. */
export function openStationMap(point: GeoPoint, name: string, address: string): void {
  Taro.openLocation({ latitude: point.lat, longitude: point.lng, name, address, scale: 16 }).catch(() => {
    // Closed, or no map on this device.
  });
}

/**
 * "在地图中查看": WeChat's map (with its navigation) in the mini-program; in the browser a link to
 * 高德's marker page, opened as a new page (the H5's CSP limits what it loads, not where it goes).
 */
export default function MapLink({
  point,
  name,
  address,
  label = '在地图中查看',
  className = '',
}: {
  point: GeoPoint;
  name: string;
  address: string;
  label?: string;
  className?: string;
}) {
  if (IS_H5) {
    return (
      <a
        className={`bk-link station-map-link ${className}`}
        href={amapMarkerUrl(point, name)}
        target="_blank"
        rel="noopener noreferrer"
        onClick={(e) => e.stopPropagation()}
      >
        {label}
      </a>
    );
  }
  return (
    <Text
      className={`bk-link station-map-link ${className}`}
      onClick={(e) => {
        e.stopPropagation();
        openStationMap(point, name, address);
      }}
    >
      {label}
    </Text>
  );
}
