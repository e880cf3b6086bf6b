// Reading and re-deriving trainings inside a transaction. The status is derived by domain/training.ts from the
// stored facts after every change; a change of status writes its own event and history row.
import { TrainingStatus, ApplicationClosedReason, trainingStatusFromJSON, applicationClosedReasonFromJSON } from '@stap/contracts/stap/register/v1/register';
import { deriveStatus, isProviderEligible, type CheckedStartMoment, type Lifecycle, type ProgrammeInput, type StartMomentStatus } from '../domain/training';
import { grantLimitPerYearOn, grantYearOf } from '../domain/grant-limit';
import { searchFacets, type SearchFacets } from '../domain/search-facets';
import { Prisma, type TransactionClient } from './prisma/client';
import { emit, EVENT_SOURCE, trainingEvents } from './messaging/register-events';
import { outboxRecord, type DomainEvent } from '@stap/platform/kafka';
import { notFoundError } from '@stap/platform/errors';

export const withStartMoments = { startMoments: { orderBy: [{ startDate: 'asc' as const }, { providerStartMomentCode: 'asc' as const }] } };
export type TrainingWithStartMoments = Prisma.TrainingGetPayload<{ include: typeof withStartMoments }>;

/** Locks the training row for the rest of the transaction, so concurrent changes serialise per training. */
export async function lockTraining(tx: TransactionClient, trainingId: string): Promise<TrainingWithStartMoments> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM training WHERE id = ${trainingId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFoundError(`training ${trainingId} does not exist`);
  return tx.training.findUniqueOrThrow({ where: { id: trainingId }, include: withStartMoments });
}

export async function recordHistory(
  tx: TransactionClient,
  rows: { trainingId: string; startMomentId?: string; kind: string; detail?: Prisma.InputJsonValue; actor: string }[],
): Promise<void> {
  if (rows.length > 0) await tx.trainingHistory.createMany({ data: rows.map((row) => ({ ...row, detail: row.detail ?? {} })) });
}

/** The stored columns of a training's search facets (dates as the Date of a `date` column). */
export function facetColumns(facets: SearchFacets) {
  const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  return {
    minPriceCents: facets.minPriceCents,
    firstStartDate: date(facets.firstStartDate),
    listedCityKeys: facets.listedCityKeys,
    listedPostcodeAreas: facets.listedPostcodeAreas,
    listedMinTotalCents: facets.listedMinTotalCents,
    listedMaxTotalCents: facets.listedMaxTotalCents,
    listedFirstStartDate: date(facets.listedFirstStartDate),
    listedLastStartDate: date(facets.listedLastStartDate),
  };
}

/** Sets the Dutch full-text vector of the given trainings: name (weight A), description (B), provider name (C). */
export async function refreshSearchVectors(tx: TransactionClient, trainingIds: string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE training t SET search_vector = ${searchVectorSql(Prisma.sql`t.name`, Prisma.sql`t.description`, Prisma.sql`coalesce(p.communication_name, '')`)}
      FROM provider_projection p WHERE p.provider_id = t.provider_id AND t.id = ANY(${trainingIds}::uuid[])`;
}

/**
 * The one definition of the search vector, used by the UPDATE above and by the bulk INSERT of the feed import.
 * `dutch_unaccent` (migration search_unaccent) strips accents before the Dutch stemmer; queries use the same
 * configuration (application/search-trainings.ts), so "cafe" and "Café" meet.
 */
function searchVectorSql(name: Prisma.Sql, description: Prisma.Sql, providerName: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`setweight(to_tsvector('dutch_unaccent', ${name}), 'A') || setweight(to_tsvector('dutch_unaccent', ${description}), 'B') || setweight(to_tsvector('dutch_unaccent', ${providerName}), 'C')`;
}

/**
 * Re-derives status, sort keys and search vector of one training after a change, and writes the events and history
 * of a status change: published, application closed (full or grant limit), reopened.
 */
export async function rederive(tx: TransactionClient, trainingId: string, actor: string, now: Date = new Date()): Promise<void> {
  const training = await tx.training.findUniqueOrThrow({ where: { id: trainingId }, include: { startMoments: true } });
  const year = grantYearOf(now);
  const count = await tx.trainingGrantCount.findUnique({ where: { trainingId_year: { trainingId, year } } });
  const { status, closedReason } = deriveStatus({
    lifecycle: training.lifecycle as Lifecycle,
    description: training.description,
    startMomentStatuses: training.startMoments.map((sm) => sm.status as StartMomentStatus),
    grantsThisYear: count?.grants ?? 0,
    grantLimitPerYear: grantLimitPerYearOn(now),
  });
  const facets = searchFacets(training.startMoments.map((sm) => ({ ...sm, startDate: isoDate(sm.startDate) })));
  await tx.training.update({ where: { id: trainingId }, data: { status, applicationClosedReason: closedReason, ...facetColumns(facets) } });
  await refreshSearchVectors(tx, [trainingId]);
  if (status === training.status && closedReason === training.applicationClosedReason) return;
  await statusChanged(tx, training, status, closedReason, year, actor);
}

async function statusChanged(
  tx: TransactionClient,
  before: { id: string; providerId: string; status: string; notAvailableForStap: boolean },
  status: string,
  closedReason: string | null,
  year: number,
  actor: string,
): Promise<void> {
  const events = [];
  if (status === 'TRAINING_STATUS_PUBLISHED') {
    events.push(before.status === 'TRAINING_STATUS_APPLICATION_CLOSED' ? trainingEvents.applicationReopened(before.id) : trainingEvents.published(before.id, before.providerId, before.notAvailableForStap));
  }
  if (status === 'TRAINING_STATUS_APPLICATION_CLOSED' && closedReason) {
    const reason = applicationClosedReasonFromJSON(closedReason);
    events.push(trainingEvents.applicationClosed(before.id, reason, reason === ApplicationClosedReason.APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED ? year : 0));
  }
  await emit(tx, events);
  const kind = status === 'TRAINING_STATUS_PUBLISHED' ? (before.status === 'TRAINING_STATUS_APPLICATION_CLOSED' ? 'APPLICATION_REOPENED' : 'PUBLISHED') : status.replace('TRAINING_STATUS_', '');
  await recordHistory(tx, [{ trainingId: before.id, kind: `STATUS_${kind}`, detail: { from: before.status, to: status, closedReason }, actor }]);
}

export const statusNumber = (status: string): TrainingStatus => trainingStatusFromJSON(status);

/** The stored columns of a checked start moment. */
export function startMomentColumns(sm: CheckedStartMoment) {
  const address = sm.location.kind === 'LOCATION_KIND_NETHERLANDS_ADDRESS' ? sm.location.address : undefined;
  return {
    providerStartMomentCode: sm.providerStartMomentCode,
    startDate: new Date(`${sm.startDate}T00:00:00Z`),
    endDate: new Date(`${sm.endDate}T00:00:00Z`),
    locationKind: sm.location.kind,
    street: address?.street.trim() ?? null,
    houseNumber: address?.houseNumber ?? null,
    houseNumberAddition: address?.houseNumberAddition?.trim() || null,
    postalCode: sm.postalCode,
    city: address?.city.trim() ?? null,
    cityKey: address?.city.trim().toLowerCase() ?? null,
    countryCode: sm.location.kind === 'LOCATION_KIND_ABROAD' ? (sm.location.countryCode ?? null) : null,
    venueName: sm.location.venueName?.trim() || null,
    courseTuitionCents: sm.price.courseTuitionCents ?? 0,
    examCents: sm.price.examCents,
    literatureCents: sm.price.literatureCents,
    totalCents: sm.totalCents,
  };
}

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Whether the provider's trainings may be applyable now (domain/training.ts isProviderEligible). */
export async function providerEligibility(tx: TransactionClient, providerId: string): Promise<boolean> {
  const provider = await tx.providerProjection.findUnique({ where: { providerId } });
  if (!provider) return false;
  const validRecognitions = await tx.providerRecognition.count({ where: { providerId, status: 'VALID' } });
  return isProviderEligible({ suspended: provider.suspended, ended: provider.ended, validRecognitions });
}

// ---- Batched writes (the feed import): one statement per table for any number of rows, rows passed as arrays and
// turned into a table by unnest(...) WITH ORDINALITY, so sequence numbers (history, outbox) follow the given order.

const column = <T, V>(rows: readonly T[], value: (row: T) => V): V[] => rows.map(value);

/** A programme as given (ProgrammeInput) with what the register derived for it, ready for the bulk insert. */
export interface NewTraining extends ProgrammeInput {
  id: string;
  notAvailableForStap: boolean;
  status: string;
  applicationClosedReason: string | null;
  facets: SearchFacets;
}

/** Inserts new ACTIVE trainings of one provider, with their search vector and facets, in one statement. */
export async function insertTrainings(tx: TransactionClient, provider: { providerId: string; communicationName: string; eligible: boolean }, rows: readonly NewTraining[]): Promise<void> {
  if (rows.length === 0) return;
  const f = (pick: (facets: SearchFacets) => unknown) => rows.map((row) => pick(row.facets));
  await tx.$executeRaw`
    INSERT INTO training (id, provider_id, provider_programme_code, name, description, study_load_hours, nlqf_level, eqf_level, sector, language,
                          delivery_mode, leads_to_certificate, lifecycle, status, application_closed_reason, not_available_for_stap, provider_eligible,
                          min_price_cents, first_start_date, listed_city_keys, listed_postcode_areas, listed_min_total_cents, listed_max_total_cents,
                          listed_first_start_date, listed_last_start_date, search_vector)
    SELECT u.id, ${provider.providerId}::uuid, u.code, u.name, u.description, u.hours, u.nlqf, u.eqf, u.sector, u.language,
           u.delivery, u.certificate, 'ACTIVE', u.status, u.closed_reason, u.not_available, ${provider.eligible},
           u.min_price, u.first_start, ARRAY(SELECT jsonb_array_elements_text(u.city_keys)), ARRAY(SELECT jsonb_array_elements_text(u.areas)), u.listed_min, u.listed_max,
           u.listed_first, u.listed_last, ${searchVectorSql(Prisma.sql`u.name`, Prisma.sql`u.description`, Prisma.sql`${provider.communicationName}::text`)}
      FROM unnest(${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.providerProgrammeCode)}::text[], ${column(rows, (r) => r.name)}::text[],
                  ${column(rows, (r) => r.description)}::text[], ${column(rows, (r) => r.studyLoadHours)}::int[], ${column(rows, (r) => r.nlqfLevel)}::text[],
                  ${column(rows, (r) => r.eqfLevel)}::text[], ${column(rows, (r) => r.sector)}::text[], ${column(rows, (r) => r.language)}::text[],
                  ${column(rows, (r) => r.deliveryMode)}::text[], ${column(rows, (r) => r.leadsToCertificate)}::boolean[], ${column(rows, (r) => r.status)}::text[],
                  ${column(rows, (r) => r.applicationClosedReason)}::text[], ${column(rows, (r) => r.notAvailableForStap)}::boolean[],
                  ${f((x) => x.minPriceCents)}::int[], ${f((x) => x.firstStartDate)}::date[], ${f((x) => JSON.stringify(x.listedCityKeys))}::jsonb[],
                  ${f((x) => JSON.stringify(x.listedPostcodeAreas))}::jsonb[], ${f((x) => x.listedMinTotalCents)}::int[], ${f((x) => x.listedMaxTotalCents)}::int[],
                  ${f((x) => x.listedFirstStartDate)}::date[], ${f((x) => x.listedLastStartDate)}::date[])
        AS u(id, code, name, description, hours, nlqf, eqf, sector, language, delivery, certificate, status, closed_reason, not_available,
             min_price, first_start, city_keys, areas, listed_min, listed_max, listed_first, listed_last)`;
}

export interface NewStartMoment {
  id: string;
  trainingId: string;
  startMoment: CheckedStartMoment;
}

/** Inserts OPEN start moments in one statement (columns as startMomentColumns). */
export async function insertStartMoments(tx: TransactionClient, rows: readonly NewStartMoment[]): Promise<void> {
  if (rows.length === 0) return;
  const c = rows.map((row) => ({ ...startMomentColumns(row.startMoment), startDate: row.startMoment.startDate, endDate: row.startMoment.endDate }));
  await tx.$executeRaw`
    INSERT INTO start_moment (id, training_id, provider_start_moment_code, start_date, end_date, location_kind, street, house_number, house_number_addition,
                              postal_code, city, city_key, country_code, venue_name, course_tuition_cents, exam_cents, literature_cents, total_cents, status)
    SELECT u.id, u.training_id, u.code, u.start_date, u.end_date, u.location_kind, u.street, u.house_number, u.addition,
           u.postal_code, u.city, u.city_key, u.country_code, u.venue_name, u.tuition, u.exam, u.literature, u.total, 'OPEN'
      FROM unnest(${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.trainingId)}::uuid[], ${column(c, (r) => r.providerStartMomentCode)}::text[],
                  ${column(c, (r) => r.startDate)}::date[], ${column(c, (r) => r.endDate)}::date[], ${column(c, (r) => r.locationKind)}::text[],
                  ${column(c, (r) => r.street)}::text[], ${column(c, (r) => r.houseNumber)}::int[], ${column(c, (r) => r.houseNumberAddition)}::text[],
                  ${column(c, (r) => r.postalCode)}::text[], ${column(c, (r) => r.city)}::text[], ${column(c, (r) => r.cityKey)}::text[],
                  ${column(c, (r) => r.countryCode)}::text[], ${column(c, (r) => r.venueName)}::text[], ${column(c, (r) => r.courseTuitionCents)}::int[],
                  ${column(c, (r) => r.examCents)}::int[], ${column(c, (r) => r.literatureCents)}::int[], ${column(c, (r) => r.totalCents)}::int[])
        AS u(id, training_id, code, start_date, end_date, location_kind, street, house_number, addition, postal_code, city, city_key, country_code,
             venue_name, tuition, exam, literature, total)`;
}

export interface HistoryRow {
  trainingId: string;
  startMomentId?: string;
  kind: string;
  detail?: Prisma.InputJsonValue;
  actor: string;
}

/** recordHistory for any number of rows in one statement; `seq` follows the order given. */
export async function recordHistoryInBulk(tx: TransactionClient, rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO training_history (training_id, start_moment_id, kind, detail, actor)
    SELECT u.training_id, u.start_moment_id, u.kind, u.detail, u.actor
      FROM unnest(${column(rows, (r) => r.trainingId)}::uuid[], ${column(rows, (r) => r.startMomentId ?? null)}::uuid[], ${column(rows, (r) => r.kind)}::text[],
                  ${column(rows, (r) => JSON.stringify(r.detail ?? {}))}::jsonb[], ${column(rows, (r) => r.actor)}::text[]) WITH ORDINALITY
        AS u(training_id, start_moment_id, kind, detail, actor, n)
     ORDER BY u.n`;
}

/** emit() for any number of events in one statement: outbox rows in the given order (the relay keeps it per key). */
export async function emitInBulk(tx: TransactionClient, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const records = events.map((event) => outboxRecord(EVENT_SOURCE, event));
  await tx.$executeRaw`
    INSERT INTO outbox_event (event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at)
    SELECT u.event_id, u.topic, u.message_key, u.type, u.source, u.subject, u.dataschema, decode(u.payload, 'hex'), u.traceparent, u.tracestate, u.occurred_at
      FROM unnest(${column(records, (r) => r.eventId)}::uuid[], ${column(records, (r) => r.topic)}::text[], ${column(records, (r) => r.messageKey)}::text[],
                  ${column(records, (r) => r.type)}::text[], ${column(records, (r) => r.source)}::text[], ${column(records, (r) => r.subject)}::text[],
                  ${column(records, (r) => r.dataschema)}::text[], ${column(records, (r) => Buffer.from(r.payload).toString('hex'))}::text[],
                  ${column(records, (r) => r.traceparent)}::text[], ${column(records, (r) => r.tracestate)}::text[],
                  ${column(records, (r) => r.occurredAt.toISOString())}::timestamptz[]) WITH ORDINALITY
        AS u(event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at, n)
     ORDER BY u.n`;
}

export interface StoredTrainingRow {
  id: string;
  provider_programme_code: string;
  lifecycle: string;
  not_available_for_stap: boolean;
  name: string;
  description: string;
  study_load_hours: number;
  nlqf_level: string;
  eqf_level: string;
  sector: string;
  language: string;
  delivery_mode: string;
  leads_to_certificate: boolean;
  start_moments: {
    id: string; providerStartMomentCode: string; status: string; startDate: string; endDate: string; locationKind: string; street: string | null;
    houseNumber: number | null; houseNumberAddition: string | null; postalCode: string | null; city: string | null; countryCode: string | null;
    venueName: string | null; courseTuitionCents: number; examCents: number | null; literatureCents: number | null;
  }[];
}

/** All trainings of a provider with their start moments, in one query (the feed import compares a feed with them). */
export async function trainingsOfProvider(tx: TransactionClient, providerId: string): Promise<StoredTrainingRow[]> {
  return tx.$queryRaw<StoredTrainingRow[]>`
    SELECT t.id, t.provider_programme_code, t.lifecycle, t.not_available_for_stap, t.name, t.description, t.study_load_hours, t.nlqf_level,
           t.eqf_level, t.sector, t.language, t.delivery_mode, t.leads_to_certificate,
           coalesce((SELECT json_agg(json_build_object(
                       'id', s.id, 'providerStartMomentCode', s.provider_start_moment_code, 'status', s.status, 'startDate', s.start_date,
                       'endDate', s.end_date, 'locationKind', s.location_kind, 'street', s.street, 'houseNumber', s.house_number,
                       'houseNumberAddition', s.house_number_addition, 'postalCode', s.postal_code, 'city', s.city, 'countryCode', s.country_code,
                       'venueName', s.venue_name, 'courseTuitionCents', s.course_tuition_cents, 'examCents', s.exam_cents,
                       'literatureCents', s.literature_cents))
                       FROM start_moment s WHERE s.training_id = t.id), '[]'::json) AS start_moments
      FROM training t WHERE t.provider_id = ${providerId}::uuid`;
}
