import { isWithin, type RegionDto } from '@xinqiao/shared';

/** A region's population and urban part: as entered, or else the sum over its communities. */
export function populationOf(
  unit: Pick<RegionDto, 'path' | 'population' | 'urbanPopulation' | 'urbanRural'>,
  communities: Pick<RegionDto, 'path' | 'population' | 'urbanPopulation' | 'urbanRural'>[],
): { population: number; urban: number } {
  if (unit.population) {
    const urban = unit.urbanPopulation ?? (unit.urbanRural === 'urban' ? unit.population : 0);
    return { population: unit.population, urban: Math.min(urban, unit.population) };
  }
  const inside = communities.filter((c) => isWithin(c.path, unit.path) && c.population);
  return {
    population: inside.reduce((n, c) => n + (c.population ?? 0), 0),
    urban: inside.reduce((n, c) => n + (c.urbanPopulation ?? (c.urbanRural === 'urban' ? (c.population ?? 0) : 0)), 0),
  };
}
