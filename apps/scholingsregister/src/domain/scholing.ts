// NL Leert Door scholing rules the register adds to libs/regelingen's assessScholingApplication (tijdvak window,
// applicant type per tijdvak, category contribution ranges, maximum per application). Source: DOMAIN.md §2.5;
// seeds 000, 003, 004. Pure.
import type { Violation } from '@stap/platform/errors';
import type { ApplicantType, ScholingCategory } from '@stap/regelingen';

export const APPLICANT_TYPES = {
  SCHOLING_APPLICANT_TYPE_PROVIDER: 'OPLEIDER',
  SCHOLING_APPLICANT_TYPE_COLLECTIVE: 'OPLEIDERSCOLLECTIEF',
  SCHOLING_APPLICANT_TYPE_PARTNERSHIP: 'SAMENWERKINGSVERBAND',
} as const satisfies Record<string, ApplicantType>;
export type ScholingApplicantType = keyof typeof APPLICANT_TYPES;

export const CATEGORIES = { SCHOLING_CATEGORY_A: 'A', SCHOLING_CATEGORY_B: 'B', SCHOLING_CATEGORY_C: 'C' } as const satisfies Record<string, ScholingCategory>;
export type CategoryName = keyof typeof CATEGORIES;

export interface PartnerInput {
  name: string;
  kvkNumber: string;
  kind: string;
  coFinancingCents: number;
}

export interface ApplicantComposition {
  applicantType: string;
  memberProviderIds: readonly string[];
  partners: readonly PartnerInput[];
}

/**
 * Who applies: a collective names its member providers; a partnership (with an O&O fund, trade association or
 * others) shows its co-financing: at least one partner co-finances (DOMAIN.md §2.5 "partnerships with
 * co-financing" [003][004]). A single provider has neither members nor partners.
 */
export function checkComposition(input: ApplicantComposition): Violation[] {
  const v: Violation[] = [];
  if (!(input.applicantType in APPLICANT_TYPES)) return [{ field: 'applicant_type', description: `must be one of ${Object.keys(APPLICANT_TYPES).join(', ')}` }];
  input.partners.forEach((partner, index) => {
    if (!partner.name?.trim()) v.push({ field: `partners[${index}].name`, description: 'is required' });
    if (!/^\d{8}$/.test(partner.kvkNumber ?? '')) v.push({ field: `partners[${index}].kvk_number.value`, description: 'must be 8 digits' });
    if (!Number.isSafeInteger(partner.coFinancingCents) || partner.coFinancingCents < 0) v.push({ field: `partners[${index}].co_financing`, description: 'must be whole euro cents, 0 or more' });
  });
  if (input.applicantType === 'SCHOLING_APPLICANT_TYPE_COLLECTIVE' && input.memberProviderIds.length === 0) v.push({ field: 'member_provider_ids', description: 'a collective names its member providers' });
  if (input.applicantType === 'SCHOLING_APPLICANT_TYPE_PARTNERSHIP' && !input.partners.some((partner) => partner.coFinancingCents > 0)) {
    v.push({ field: 'partners', description: 'a partnership needs at least one partner with co-financing' });
  }
  if (input.applicantType === 'SCHOLING_APPLICANT_TYPE_PROVIDER' && (input.partners.length > 0 || input.memberProviderIds.length > 0)) {
    v.push({ field: 'applicant_type', description: 'a single provider has no members or partners; apply as a collective or partnership' });
  }
  return v;
}

export const coFinancingCents = (partners: readonly PartnerInput[]) => partners.reduce((sum, partner) => sum + partner.coFinancingCents, 0);
