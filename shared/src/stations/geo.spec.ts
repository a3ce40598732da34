import { distanceMetres, nearestFirst } from './geo';

describe('distanceMetres', () => {
  it('is R × angle along a meridian', () => {
    // 1° of latitude: 6 371 000 × π / 180 = 111 194.93 -> 111 195 m; 0.01° -> 1 111.95 -> 1 112 m.
    expect(distanceMetres({ lat: 29, lng: 106.5 }, { lat: 30, lng: 106.5 })).toBe(111195);
    expect(distanceMetres({ lat: 29.55, lng: 106.55 }, { lat: 29.56, lng: 106.55 })).toBe(1112);
    expect(distanceMetres({ lat: 29.55, lng: 106.55 }, { lat: 29.55, lng: 106.55 })).toBe(0);
  });

  it('follows the great circle along a parallel', () => {
    // At 60°N, 1° of longitude: h = cos²60° · sin²0.5° = (0.5 × 0.0087265355)² -> √h = 0.0043632677,
    // asin = 0.0043632677 + 0.0043632677³/6 = 0.0043632816, × 2R = 0.0087265632 × 6 371 000
    // = 55 596.93 -> 55 597 m (a little shorter than the parallel's R · cos 60° · π/180 = 55 597.46).
    expect(distanceMetres({ lat: 60, lng: 10 }, { lat: 60, lng: 11 })).toBe(55597);
    expect(distanceMetres({ lat: 60, lng: 11 }, { lat: 60, lng: 10 })).toBe(55597);
  });
});

describe('nearestFirst', () => {
  it('orders by distance, unplaced last, ties in the given order', () => {
    const here = { lat: 29.55, lng: 106.55 };
    const stations = [
      { id: 1, location: null },
      { id: 2, location: { lat: 29.57, lng: 106.55 } }, // 0.02° north: 2 223.9 -> 2 224 m
      { id: 3, location: { lat: 29.56, lng: 106.55 } }, // 1 112 m
      { id: 4, location: null },
      { id: 5, location: { lat: 29.54, lng: 106.55 } }, // 0.01° south: 1 112 m, after 3
    ];
    const sorted = nearestFirst(stations, here, (s) => s.location);
    expect(sorted.map((s) => [s.item.id, s.distanceMetres])).toEqual([
      [3, 1112],
      [5, 1112],
      [2, 2224],
      [1, null],
      [4, null],
    ]);
  });
});
