import { postcodeAreas, searchFacets } from './search-facets';

const sm = (status: string, startDate: string, cityKey: string | null, postalCode: string | null, totalCents: number) => ({ status, startDate, cityKey, postalCode, totalCents });

describe('search facets of a training', () => {
  it('postcode areas are the first 2, 3 and 4 digits a search may name', () => {
    expect(postcodeAreas('3511AX')).toEqual(['35', '351', '3511']);
  });

  it('list the places, postcode areas, price and date range of the start moments that are not cancelled; sort keys use the open ones', () => {
    const facets = searchFacets([
      sm('OPEN', '2026-10-01', 'utrecht', '3511AX', 80_000),
      sm('FULL', '2026-09-01', 'groningen', '9711AA', 120_000),
      sm('CANCELLED', '2026-08-01', 'breda', '4811AB', 10_000),
      sm('OPEN', '2027-01-05', null, null, 90_000),
    ]);
    expect(facets).toEqual({
      minPriceCents: 80_000,
      firstStartDate: '2026-10-01',
      listedCityKeys: ['groningen', 'utrecht'],
      listedPostcodeAreas: ['35', '351', '3511', '97', '971', '9711'],
      listedMinTotalCents: 80_000,
      listedMaxTotalCents: 120_000,
      listedFirstStartDate: '2026-09-01',
      listedLastStartDate: '2027-01-05',
    });
  });

  it('are empty when every start moment is cancelled, and the sort keys empty when none is open', () => {
    expect(searchFacets([sm('CANCELLED', '2026-08-01', 'breda', '4811AB', 10_000)])).toEqual({
      minPriceCents: null, firstStartDate: null, listedCityKeys: [], listedPostcodeAreas: [], listedMinTotalCents: null, listedMaxTotalCents: null,
      listedFirstStartDate: null, listedLastStartDate: null,
    });
    expect(searchFacets([sm('FULL', '2026-09-01', 'breda', '4811AB', 10_000)])).toMatchObject({ minPriceCents: null, firstStartDate: null, listedCityKeys: ['breda'] });
  });
});
