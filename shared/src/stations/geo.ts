/**
 * Distances between map points. Stations and residents are both in GCJ-02 (WeChat's datum); its
 * offset from WGS-84 is nearly the same for two points of one city, so comparing them directly is
 * accurate to a few metres, which is all "nearest first" needs.
 */
import type { GeoPoint } from '../events/api';

/** Mean Earth radius used by the haversine formula. */
export const EARTH_RADIUS_METRES = 6_371_000;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance between two points (haversine), in whole metres. */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * Items with their distance from `from`, nearest first; items without a location come last with a
 * null distance. Equal distances, and the unplaced items among themselves, keep their given order.
 */
export function nearestFirst<T>(
  items: readonly T[],
  from: GeoPoint,
  locationOf: (item: T) => GeoPoint | null | undefined,
): { item: T; distanceMetres: number | null }[] {
  return items
    .map((item) => {
      const at = locationOf(item);
      return { item, distanceMetres: at ? distanceMetres(from, at) : null };
    })
    .sort((x, y) => {
      const a = x.distanceMetres ?? Infinity;
      const b = y.distanceMetres ?? Infinity;
      return a === b ? 0 : a - b;
    });
}
