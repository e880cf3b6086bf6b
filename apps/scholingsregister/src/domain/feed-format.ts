// The register's bulk feed format: EDU-DEX-like JSON, one provider per feed, one item per programme with its start
// moments. This zod schema is the runtime check; feed/edu-dex-feed.schema.json is the published JSON Schema,
// generated from it (feed-format.spec.ts proves they are the same). Enumerations use the proto's JSON names.
// Source: DOMAIN.md §3 ("Submission: ... an EDU-DEX-style bulk feed ... answered with a processing report").
import { z } from 'zod';
import { DELIVERY_MODES, EQF_LEVELS, LOCATION_KINDS, NLQF_LEVELS, SECTORS } from './training';

const cents = z.number().int().min(0).max(100_000_000).describe('euro cents, VAT included');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('calendar date yyyy-mm-dd (Europe/Amsterdam)');

export const feedAddressSchema = z.object({
  street: z.string(),
  houseNumber: z.number().int(),
  houseNumberAddition: z.string().optional(),
  postalCode: z.string().describe('Dutch postcode, "1234 AB"'),
  city: z.string(),
});

export const feedStartMomentSchema = z.object({
  startMomentCode: z.string().describe("the provider's own key of the start moment, unique within the programme"),
  startDate: isoDate,
  endDate: isoDate,
  location: z.object({
    kind: z.enum(LOCATION_KINDS),
    address: feedAddressSchema.optional().describe('required for LOCATION_KIND_NETHERLANDS_ADDRESS'),
    countryCode: z.string().optional().describe('ISO 3166-1 alpha-2; required for LOCATION_KIND_ABROAD'),
    venueName: z.string().optional(),
  }),
  price: z.object({
    courseTuitionCents: cents.describe('course or tuition fee (cursus- of lesgeld), euro cents incl. VAT; required'),
    examCents: cents.optional().describe('exam fee, euro cents incl. VAT'),
    literatureCents: cents.optional().describe('compulsory literature and learning materials, euro cents incl. VAT'),
  }),
});

export const feedProgrammeSchema = z.object({
  programmeCode: z.string().describe("the provider's own key of the programme (opleiding), unique per provider"),
  name: z.string(),
  description: z.string(),
  studyLoadHours: z.number().int(),
  nlqfLevel: z.enum(NLQF_LEVELS),
  eqfLevel: z.enum(EQF_LEVELS),
  sector: z.enum(SECTORS),
  language: z.string().describe('ISO 639-1, e.g. "nl"'),
  deliveryMode: z.enum(DELIVERY_MODES),
  leadsToCertificate: z.boolean(),
  notAvailableForStap: z.boolean().default(false),
  startMoments: z.array(feedStartMomentSchema).default([]),
  cancelledStartMomentCodes: z.array(z.string()).default([]),
});

export const feedSchema = z.object({
  feedReference: z.string().min(1).max(200).describe("the provider's reference of this delivery; the same reference twice returns the first processing"),
  mode: z.enum(['FULL', 'DELTA']).describe('FULL: the complete offer (programmes missing are withdrawn); DELTA: only the items given'),
  producedAt: z.string().optional(),
  provider: z.object({ providerId: z.uuid(), kvkNumber: z.string().regex(/^\d{8}$/) }),
  programmes: z.array(feedProgrammeSchema).max(200_000),
});

/** The header is checked strictly; programmes are checked one by one, so one bad record never blocks the others. */
export const feedEnvelopeSchema = feedSchema.extend({ programmes: z.array(z.unknown()).max(200_000) });

export type Feed = z.infer<typeof feedSchema>;
export type FeedProgramme = z.infer<typeof feedProgrammeSchema>;
export type FeedEnvelope = z.infer<typeof feedEnvelopeSchema>;

export function feedJsonSchema(): object {
  return {
    $id: 'https://stap.example/schemas/scholingsregister/edu-dex-feed.v1.json',
    title: 'Scholingsregister bulk feed (EDU-DEX-like), version 1',
    ...z.toJSONSchema(feedSchema, { io: 'input' }),
  };
}
