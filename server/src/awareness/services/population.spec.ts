import { populationOf } from './population';

const community = (path: string, population: number | null, urbanRural: 'urban' | 'rural', urbanPopulation: number | null = null) => ({
  path,
  population,
  urbanRural,
  urbanPopulation,
});

describe('populationOf', () => {
  const communities = [
    community('/1/2/5/', 1000, 'urban'),
    community('/1/2/6/', 400, 'rural'),
    community('/1/3/7/', 900, 'urban', 800),
    community('/1/3/8/', null, 'rural'),
  ];

  it('takes the figures entered for the region', () => {
    expect(populationOf({ path: '/1/2/', population: 5000, urbanPopulation: 3000, urbanRural: null }, communities)).toEqual({ population: 5000, urban: 3000 });
  });

  it('adds up its communities when the region has none, urban by each community’s class or figure', () => {
    expect(populationOf({ path: '/1/2/', population: null, urbanPopulation: null, urbanRural: null }, communities)).toEqual({ population: 1400, urban: 1000 });
    expect(populationOf({ path: '/1/3/', population: null, urbanPopulation: null, urbanRural: null }, communities)).toEqual({ population: 900, urban: 800 });
  });

  it('reads a community by its own class, and never more urban than total', () => {
    expect(populationOf(community('/1/2/6/', 400, 'rural'), [])).toEqual({ population: 400, urban: 0 });
    expect(populationOf({ path: '/1/', population: 100, urbanPopulation: 150, urbanRural: null }, [])).toEqual({ population: 100, urban: 100 });
  });
});
