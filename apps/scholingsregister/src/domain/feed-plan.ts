// What one feed item does to the register, decided before anything is written: create the programme, change it,
// schedule, change or cancel start moments, or nothing at all. A re-import of the same feed plans nothing, which
// is what makes it idempotent. Pure: compares the item with the stored training.
import type { CheckedStartMoment, ProgrammeInput } from './training';

export interface StoredStartMoment {
  id: string;
  providerStartMomentCode: string;
  status: string;
  /** The comparable content: dates, location and price, as stored. */
  fingerprint: string;
}

export interface StoredTraining {
  id: string;
  lifecycle: string;
  notAvailableForStap: boolean;
  programme: Omit<ProgrammeInput, 'providerProgrammeCode'>;
  startMoments: StoredStartMoment[];
}

export type StartMomentAction =
  | { kind: 'CREATE'; input: CheckedStartMoment }
  | { kind: 'CHANGE'; id: string; input: CheckedStartMoment }
  | { kind: 'CANCEL'; id: string; code: string; reason: string }
  | { kind: 'UNCHANGED'; id: string; code: string };

export interface ItemPlan {
  /** Reasons the item cannot be applied, as [field, message, code]. */
  refusals: { code: string; startMomentCode: string; message: string }[];
  programmeChanges: Partial<Omit<ProgrammeInput, 'providerProgrammeCode'>>;
  notAvailableForStap: boolean | null;
  startMoments: StartMomentAction[];
}

const PROGRAMME_FIELDS = ['name', 'description', 'studyLoadHours', 'nlqfLevel', 'eqfLevel', 'sector', 'language', 'deliveryMode', 'leadsToCertificate'] as const;

/** The content of a start moment that a feed can change, in one comparable string. */
export function startMomentFingerprint(sm: { startDate: string; endDate: string; locationKind: string; street: string | null; houseNumber: number | null; houseNumberAddition: string | null; postalCode: string | null; city: string | null; countryCode: string | null; venueName: string | null; courseTuitionCents: number; examCents: number | null; literatureCents: number | null }): string {
  return JSON.stringify([sm.startDate, sm.endDate, sm.locationKind, sm.street, sm.houseNumber, sm.houseNumberAddition, sm.postalCode, sm.city, sm.countryCode, sm.venueName, sm.courseTuitionCents, sm.examCents, sm.literatureCents]);
}

export function planItem(
  stored: StoredTraining,
  programme: ProgrammeInput & { notAvailableForStap: boolean },
  startMoments: { checked: CheckedStartMoment; fingerprint: string }[],
  cancelledCodes: readonly string[],
  fullMode: boolean,
): ItemPlan {
  const plan: ItemPlan = { refusals: [], programmeChanges: {}, notAvailableForStap: null, startMoments: [] };
  for (const field of PROGRAMME_FIELDS) {
    if (programme[field] !== stored.programme[field]) (plan.programmeChanges as Record<string, unknown>)[field] = programme[field];
  }
  if (programme.notAvailableForStap !== stored.notAvailableForStap) plan.notAvailableForStap = programme.notAvailableForStap;
  const byCode = new Map(stored.startMoments.map((sm) => [sm.providerStartMomentCode, sm]));
  for (const { checked, fingerprint } of startMoments) {
    const existing = byCode.get(checked.providerStartMomentCode);
    if (!existing) plan.startMoments.push({ kind: 'CREATE', input: checked });
    else if (existing.fingerprint === fingerprint) plan.startMoments.push({ kind: 'UNCHANGED', id: existing.id, code: existing.providerStartMomentCode });
    else if (existing.status === 'CANCELLED') plan.refusals.push({ code: 'START_MOMENT_CANCELLED', startMomentCode: existing.providerStartMomentCode, message: 'een geannuleerd startmoment kan niet meer wijzigen' });
    else plan.startMoments.push({ kind: 'CHANGE', id: existing.id, input: checked });
  }
  const listed = new Set(startMoments.map((sm) => sm.checked.providerStartMomentCode));
  for (const code of cancelledCodes) {
    const existing = byCode.get(code);
    if (!existing) plan.refusals.push({ code: 'START_MOMENT_UNKNOWN', startMomentCode: code, message: 'onbekend startmoment kan niet worden geannuleerd' });
    else if (existing.status !== 'CANCELLED') plan.startMoments.push({ kind: 'CANCEL', id: existing.id, code, reason: 'geannuleerd in levering' });
  }
  if (fullMode) {
    for (const sm of stored.startMoments) {
      if (!listed.has(sm.providerStartMomentCode) && !cancelledCodes.includes(sm.providerStartMomentCode) && sm.status !== 'CANCELLED') {
        plan.startMoments.push({ kind: 'CANCEL', id: sm.id, code: sm.providerStartMomentCode, reason: 'ontbreekt in volledige levering' });
      }
    }
  }
  const changes = Object.keys(plan.programmeChanges).length > 0 || plan.startMoments.some((a) => a.kind !== 'UNCHANGED');
  if (changes && stored.lifecycle !== 'ACTIVE') plan.refusals.push({ code: 'TRAINING_NOT_ACTIVE', startMomentCode: '', message: `opleiding is ${stored.lifecycle === 'EXCLUDED' ? 'uitgesloten' : 'ingetrokken'} en kan niet wijzigen` });
  return plan;
}

export const planChangesAnything = (plan: ItemPlan) =>
  Object.keys(plan.programmeChanges).length > 0 || plan.notAvailableForStap !== null || plan.startMoments.some((a) => a.kind !== 'UNCHANGED');
