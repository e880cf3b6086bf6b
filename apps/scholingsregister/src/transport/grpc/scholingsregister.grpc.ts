// gRPC edge of the scholingsregister (proto/stap/register/v1/register.proto): authenticates, maps the contract to
// use-case input and rows back to messages. Rules live in application/ and domain/. SearchTrainings, GetTraining
// and ListCatalogueActivities are public: without an authorization header the caller is anonymous.
import type { Metadata } from '@grpc/grpc-js';
import * as R from '@stap/contracts/stap/register/v1/register';
import { RegelingCode, sectorFromJSON, sectorToJSON } from '@stap/contracts/stap/common/v1/common';
import { forbidden, invalid, notFoundError } from '@stap/platform/errors';
import { unary, type Authenticator, type CallContext, type HandlerKit, type Identity } from '@stap/platform/grpc';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import type { Actor } from '../../application/actor';
import { SCOPES } from '../../application/actor';
import { createTraining } from '../../application/create-training';
import { getTraining } from '../../application/get-training';
import { addStartMoment, cancelStartMoment, markStartMomentFull } from '../../application/manage-start-moments';
import { excludeTraining, liftExclusion, setStapAvailability, updateTraining, withdrawTraining } from '../../application/training-lifecycle';
import { searchTrainings, type Sort } from '../../application/search-trainings';
import { listReportRows } from '../../application/import-feed';
import { updateStartMoment } from '../../application/update-start-moment';
import { listScholingApplications } from '../../application/list-scholing-applications';
import { decideScholingApplication, listCatalogue, submitScholingApplication } from '../../application/scholing-applications';
import { centsOf, isoOf, toCreateTrainingInput, toStartMomentChanges, toStartMomentInput, toStartMomentMessage, toTrainingMessage } from './mappers';
import { feedMessage, scholingMessage } from './scholing-mappers';
import { submitFeedHandler } from './submit-feed';

export const SERVICE_NAME = 'stap.register.v1.ScholingsregisterService';
const PUBLIC_METHODS = new Set(['SearchTrainings', 'GetTraining', 'ListCatalogueActivities'].map((m) => `/${SERVICE_NAME}/${m}`));
const ANONYMOUS: Identity = { subject: 'anonymous', kind: 'individual', scopes: [] };

/** Public methods may be called without a token; with one, it must be valid. */
export function publicAware(authenticate: Authenticator): Authenticator {
  return async (metadata: Metadata, method: string) => (PUBLIC_METHODS.has(method) && metadata.get('authorization').length === 0 ? ANONYMOUS : authenticate(metadata, method));
}

const actorOf = (ctx: CallContext): Actor => ({ subject: ctx.identity.subject, scopes: ctx.identity.scopes, kvkNumber: ctx.identity.kvkNumber });
const optionalVersion = (version: string) => (version && version !== '0' ? Number(version) : null);

const SORT_NAMES: Record<number, Sort | undefined> = {
  [R.TrainingSort.TRAINING_SORT_RELEVANCE]: 'RELEVANCE',
  [R.TrainingSort.TRAINING_SORT_START_DATE]: 'START_DATE',
  [R.TrainingSort.TRAINING_SORT_PRICE_ASCENDING]: 'PRICE_ASCENDING',
  [R.TrainingSort.TRAINING_SORT_PRICE_DESCENDING]: 'PRICE_DESCENDING',
  [R.TrainingSort.TRAINING_SORT_NAME]: 'NAME',
};

export function scholingsregisterService(kit: HandlerKit, prisma: PrismaClient) {
  const training = async (trainingId: string) => toTrainingMessage(await getTraining(prisma, { trainingId }));
  const startMoment = async (id: string) => {
    const row = await prisma.startMoment.findUnique({ where: { id } });
    if (!row) throw notFoundError('start moment not found');
    return toStartMomentMessage(row);
  };
  const handlers = {
    createTraining: unary<R.CreateTrainingRequest, R.Training>(kit, async (request, ctx) => training(await createTraining(prisma, actorOf(ctx), toCreateTrainingInput(request)))),
    updateTraining: unary<R.UpdateTrainingRequest, R.Training>(kit, async (request, ctx) => {
      const enumChange = <T>(value: number, toJson: (v: number) => T) => (value ? toJson(value) : undefined);
      await updateTraining(prisma, actorOf(ctx), request.trainingId, optionalVersion(request.expectedVersion), {
        name: request.name, description: request.description, studyLoadHours: request.studyLoadHours, language: request.language, leadsToCertificate: request.leadsToCertificate,
        nlqfLevel: enumChange(request.nlqfLevel, R.nlqfLevelToJSON), eqfLevel: enumChange(request.eqfLevel, R.eqfLevelToJSON),
        sector: enumChange(request.sector, sectorToJSON), deliveryMode: enumChange(request.deliveryMode, R.deliveryModeToJSON),
      });
      return training(request.trainingId);
    }),
    getTraining: unary<R.GetTrainingRequest, R.Training>(kit, async (request) => {
      const key = request.identifier;
      if (!key?.value) throw invalid([{ field: 'identifier', description: 'training_id or start_moment_id is required' }]);
      return toTrainingMessage(await getTraining(prisma, key.$case === 'trainingId' ? { trainingId: key.value } : { startMomentId: key.value }));
    }),
    addStartMoment: unary<R.AddStartMomentRequest, R.StartMoment>(kit, async (request, ctx) => startMoment(await addStartMoment(prisma, actorOf(ctx), request.trainingId, toStartMomentInput(request.startMoment)))),
    updateStartMoment: unary<R.UpdateStartMomentRequest, R.StartMoment>(kit, async (request, ctx) => {
      await updateStartMoment(prisma, actorOf(ctx), request.startMomentId, optionalVersion(request.expectedVersion), toStartMomentChanges(request));
      return startMoment(request.startMomentId);
    }),
    markStartMomentFull: unary<R.MarkStartMomentFullRequest, R.StartMoment>(kit, async (request, ctx) => {
      await markStartMomentFull(prisma, actorOf(ctx), request.startMomentId);
      return startMoment(request.startMomentId);
    }),
    cancelStartMoment: unary<R.CancelStartMomentRequest, R.StartMoment>(kit, async (request, ctx) => {
      await cancelStartMoment(prisma, actorOf(ctx), request.startMomentId, request.reason);
      return startMoment(request.startMomentId);
    }),
    withdrawTraining: unary<R.WithdrawTrainingRequest, R.Training>(kit, async (request, ctx) => {
      await withdrawTraining(prisma, actorOf(ctx), request.trainingId, request.reason);
      return training(request.trainingId);
    }),
    setStapAvailability: unary<R.SetStapAvailabilityRequest, R.Training>(kit, async (request, ctx) => {
      await setStapAvailability(prisma, actorOf(ctx), request.trainingId, request.notAvailableForStap, request.reason);
      return training(request.trainingId);
    }),
    excludeTraining: unary<R.ExcludeTrainingRequest, R.Training>(kit, async (request, ctx) => {
      await excludeTraining(prisma, actorOf(ctx), request.trainingId, {
        reasonCode: R.exclusionReasonCodeToJSON(request.reasonCode), explanation: request.explanation,
        decisionReference: request.decision?.reference ?? '', decisionReason: request.decision?.reason ?? '',
      });
      return training(request.trainingId);
    }),
    liftExclusion: unary<R.LiftExclusionRequest, R.Training>(kit, async (request, ctx) => {
      await liftExclusion(prisma, actorOf(ctx), request.trainingId, { reference: request.decision?.reference ?? '', reason: request.decision?.reason ?? '' });
      return training(request.trainingId);
    }),
    searchTrainings: unary<R.SearchTrainingsRequest, R.SearchTrainingsResponse>(kit, async (request) => {
      const sort = request.sort === R.TrainingSort.TRAINING_SORT_UNSPECIFIED ? undefined : (SORT_NAMES[request.sort] ?? ('UNKNOWN' as Sort));
      const result = await searchTrainings(prisma, {
        query: request.query, sectors: request.sectors.map(sectorToJSON), nlqfLevels: request.nlqfLevels.map(R.nlqfLevelToJSON),
        deliveryModes: request.deliveryModes.map(R.deliveryModeToJSON), languages: request.languages, providerId: request.providerId || undefined,
        city: request.city || undefined, startFrom: isoOf(request.startWithin?.start) || undefined, startTo: isoOf(request.startWithin?.end) || undefined,
        maxPriceCents: centsOf(request.maxTotalPrice) ?? undefined, applyableOnly: request.applyableForStapOnly, sort,
        pageSize: request.page?.pageSize, pageToken: request.page?.pageToken || undefined,
      });
            return {
        hits: result.trainings.map((t, index) => {
          const matching = new Set(result.hits[index].startMomentIds);
          return { training: toTrainingMessage(t, []), matchingStartMoments: t.startMoments.filter((sm) => matching.has(sm.id)).map(toStartMomentMessage), relevance: result.hits[index].relevance };
        }),
        page: { nextPageToken: result.nextPageToken, totalSize: result.totalSizeIsExact ? String(result.totalSize) : undefined }, // unset above the count limit
      };
    }),
    submitFeed: submitFeedHandler(kit, prisma),
    getFeedSubmission: unary<R.GetFeedSubmissionRequest, R.FeedSubmission>(kit, async (request, ctx) => feedMessage(await ownFeed(prisma, actorOf(ctx), request.feedSubmissionId))),
    listProcessingReportRows: unary<R.ListProcessingReportRowsRequest, R.ListProcessingReportRowsResponse>(kit, async (request, ctx) => {
      const feed = await ownFeed(prisma, actorOf(ctx), request.feedSubmissionId);
      const offset = Number(request.page?.pageToken || '0') || 0;
      const size = Math.min(request.page?.pageSize || 500, 500);
      const signal = request.signal === R.ProcessingSignal.PROCESSING_SIGNAL_INFO ? 'INFO' : request.signal === R.ProcessingSignal.PROCESSING_SIGNAL_FOUT ? 'FOUT' : undefined;
      const rows = await listReportRows(prisma, feed.id, signal, offset, size);
      return {
        rows: rows.map((row) => ({
          itemSequence: row.itemSequence, signal: R.processingSignalFromJSON(`PROCESSING_SIGNAL_${row.signal}`), subject: R.processingSubjectFromJSON(`PROCESSING_SUBJECT_${row.subject}`),
          providerKvkNumber: { value: row.providerKvkNumber }, providerProgrammeCode: row.providerProgrammeCode, providerStartMomentCode: row.providerStartMomentCode,
          trainingId: row.trainingId ?? '', startMomentId: row.startMomentId ?? '', code: row.code, message: row.message,
        })),
        page: { nextPageToken: rows.length === size ? String(offset + size) : '', totalSize: undefined },
      };
    }),
    submitScholingApplication: unary<R.SubmitScholingApplicationRequest, R.ScholingApplication>(kit, async (request, ctx) => {
      const id = await submitScholingApplication(prisma, actorOf(ctx), {
        tijdvakId: request.tijdvak?.tijdvakId ?? '', applicantType: R.scholingApplicantTypeToJSON(request.applicantType), leadProviderId: request.leadProviderId,
        memberProviderIds: request.memberProviderIds, offeringName: request.offeringName,
        partners: request.partners.map((p) => ({ name: p.name, kvkNumber: p.kvkNumber?.value ?? '', kind: R.partnerKindToJSON(p.kind), coFinancingCents: centsOf(p.coFinancing) ?? 0 })),
        activities: request.activities.map((a) => ({
          title: a.title, description: a.description, category: R.scholingCategoryToJSON(a.category), contributionCents: centsOf(a.contributionPerParticipant) ?? Number.NaN,
          plannedParticipants: a.plannedParticipants, nlqfLevel: R.nlqfLevelToJSON(a.nlqfLevel), deliveryMode: R.deliveryModeToJSON(a.deliveryMode), sector: sectorToJSON(a.sector),
          leadsToCertificate: a.leadsToCertificate, guidance: a.guidance, providerId: a.providerId,
        })),
      });
      return scholingMessage(prisma, id);
    }),
    decideScholingApplication: unary<R.DecideScholingApplicationRequest, R.ScholingApplication>(kit, async (request, ctx) => {
      await decideScholingApplication(prisma, actorOf(ctx), request.scholingApplicationId, {
        granted: request.granted, grantedActivityIds: request.grantedActivityIds, reasons: request.reasons.map(R.scholingRejectionReasonToJSON), decisionReference: request.decision?.reference ?? '',
      });
      return scholingMessage(prisma, request.scholingApplicationId);
    }),
    getScholingApplication: unary<R.GetScholingApplicationRequest, R.ScholingApplication>(kit, async (request, ctx) => {
      const message = await scholingMessage(prisma, request.scholingApplicationId);
      const actor = actorOf(ctx);
      if (!actor.scopes.includes(SCOPES.decideScholing)) {
        const lead = await prisma.providerProjection.findUnique({ where: { providerId: message.leadProviderId } });
        if (lead?.kvkNumber !== actor.kvkNumber) throw forbidden('only the applicant and executor officers read an application');
      }
      return message;
    }),
    listScholingApplications: unary<R.ListScholingApplicationsRequest, R.ListScholingApplicationsResponse>(kit, async (request, ctx) => {
      const page = await listScholingApplications(prisma, actorOf(ctx), {
        tijdvakId: request.tijdvak?.tijdvakId || undefined, leadProviderId: request.leadProviderId || undefined,
        statuses: request.statuses.map((status) => R.scholingApplicationStatusToJSON(status).replace('SCHOLING_APPLICATION_STATUS_', '')),
        pageSize: request.page?.pageSize, pageToken: request.page?.pageToken || undefined,
      });
      const applications = [];
      for (const id of page.ids) applications.push(await scholingMessage(prisma, id));
      return { applications, page: { nextPageToken: page.nextPageToken, totalSize: String(page.totalSize) } };
    }),
    listCatalogueActivities: unary<R.ListCatalogueActivitiesRequest, R.ListCatalogueActivitiesResponse>(kit, async (request) => {
      const offset = Number(request.page?.pageToken || '0') || 0;
      const size = Math.min(request.page?.pageSize || 50, 500);
      const activities = await listCatalogue(prisma, { query: request.query, sectors: request.sectors.map(sectorToJSON), categories: request.categories.map(R.scholingCategoryToJSON) }, offset, size);
      const names = new Map((await prisma.providerProjection.findMany({ where: { providerId: { in: activities.map((a) => a.providerId) } } })).map((p) => [p.providerId, p.communicationName]));
      return {
        activities: activities.map((a) => ({
          activityId: a.id, scholingApplicationId: a.applicationId, tijdvak: { regelingCode: RegelingCode.REGELING_CODE_NLLD_SCHOLING, tijdvakId: a.application.tijdvakId }, providerId: a.providerId, providerName: names.get(a.providerId) ?? '',
          title: a.title, description: a.description, category: R.scholingCategoryFromJSON(a.category), nlqfLevel: R.nlqfLevelFromJSON(a.nlqfLevel), deliveryMode: R.deliveryModeFromJSON(a.deliveryMode),
          sector: sectorFromJSON(a.sector),
        })),
        page: { nextPageToken: activities.length === size ? String(offset + size) : '', totalSize: undefined },
      };
    }),
  };
  return { name: SERVICE_NAME, definition: R.ScholingsregisterServiceService, implementation: handlers };
}

async function ownFeed(prisma: PrismaClient, actor: Actor, feedId: string) {
  const feed = /^[0-9a-f-]{36}$/i.test(feedId) ? await prisma.feedSubmission.findUnique({ where: { id: feedId } }) : null;
  if (!feed) throw notFoundError('feed not found');
  const provider = await prisma.providerProjection.findUnique({ where: { providerId: feed.providerId } });
  if (!actor.scopes.includes(SCOPES.keeper) && provider?.kvkNumber !== actor.kvkNumber) throw forbidden('only the submitting provider and the register keeper read a feed');
  return feed;
}
