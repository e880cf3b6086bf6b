// What search needs to know of a training's start moments, kept on the training row so a search does not have to
// visit every start moment of every candidate (README "Search"; DESIGN.md §7 search target). Pure: computed from
// the start moments as stored, by the bulk feed import when it inserts a training and by rederive after every
// change (start moment scheduled, changed, full, cancelled; training withdrawn or excluded).
//
// The "listed" facets cover every start moment that is not cancelled, which is what public search shows. They are a
// necessary condition for the start-moment filters (place, postcode area, price range, start window): a training
// whose listed facets do not match has no start moment that does. Search still checks one start moment against
// all filters together, but only for the trainings that pass these facets.

export interface FacetStartMoment {
  status: string;
  startDate: string;
  cityKey: string | null;
  postalCode: string | null;
  totalCents: number;
}

export interface SearchFacets {
  /** Lowest total price of the open start moments, for sorting by price; null without one. */
  minPriceCents: number | null;
  /** Earliest start date of the open start moments, for sorting by date; null without one. */
  firstStartDate: string | null;
  /** Lower-case places of the listed start moments, each once. */
  listedCityKeys: string[];
  /** Postcode areas (first 2, 3 and 4 digits) of the listed start moments, each once. */
  listedPostcodeAreas: string[];
  listedMinTotalCents: number | null;
  listedMaxTotalCents: number | null;
  listedFirstStartDate: string | null;
  listedLastStartDate: string | null;
}

/** The postcode areas a search may name for a postcode: "3511AX" → 35, 351, 3511 (search accepts 2 to 4 digits). */
export function postcodeAreas(postalCode: string): string[] {
  const digits = postalCode.slice(0, 4);
  return [digits.slice(0, 2), digits.slice(0, 3), digits];
}

const distinctSorted = (values: Iterable<string>) => [...new Set(values)].sort();
const minOf = (values: number[]) => (values.length > 0 ? Math.min(...values) : null);
const maxOf = (values: number[]) => (values.length > 0 ? Math.max(...values) : null);
const earliest = (dates: string[]) => (dates.length > 0 ? dates.reduce((a, b) => (b < a ? b : a)) : null);
const latest = (dates: string[]) => (dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : null);

export function searchFacets(startMoments: readonly FacetStartMoment[]): SearchFacets {
  const open = startMoments.filter((sm) => sm.status === 'OPEN');
  const listed = startMoments.filter((sm) => sm.status !== 'CANCELLED');
  return {
    minPriceCents: minOf(open.map((sm) => sm.totalCents)),
    firstStartDate: earliest(open.map((sm) => sm.startDate)),
    listedCityKeys: distinctSorted(listed.flatMap((sm) => (sm.cityKey ? [sm.cityKey] : []))),
    listedPostcodeAreas: distinctSorted(listed.flatMap((sm) => (sm.postalCode ? postcodeAreas(sm.postalCode) : []))),
    listedMinTotalCents: minOf(listed.map((sm) => sm.totalCents)),
    listedMaxTotalCents: maxOf(listed.map((sm) => sm.totalCents)),
    listedFirstStartDate: earliest(listed.map((sm) => sm.startDate)),
    listedLastStartDate: latest(listed.map((sm) => sm.startDate)),
  };
}
