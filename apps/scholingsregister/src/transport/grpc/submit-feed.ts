// SubmitFeed over gRPC (client streaming): the first message is the header, every following one a programme. The
// stream is collected into the same JSON feed the HTTP endpoint takes and handed to the import use case, so both
// edges give the same processing report. Processing runs before the answer (the report is complete when the
// FeedSubmission returns; status PROCESSED or REJECTED rather than RECEIVED).
import { status as GrpcStatus, type ServerReadableStream, type sendUnaryData } from '@grpc/grpc-js';
import * as R from '@stap/contracts/stap/register/v1/register';
import { sectorToJSON } from '@stap/contracts/stap/common/v1/common';
import { fromApplicationError, GrpcError, type HandlerKit } from '@stap/platform/grpc';
import { ApplicationError } from '@stap/platform/errors';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import { importFeed } from '../../application/import-feed';
import { toStartMomentInput } from './mappers';
import { feedMessage } from './scholing-mappers';

/** Largest number of items one stream may carry. */
const MAX_ITEMS = 200_000;

function feedItemJson(item: R.FeedItem) {
  return {
    programmeCode: item.providerProgrammeCode, name: item.name, description: item.description, studyLoadHours: item.studyLoadHours,
    nlqfLevel: R.nlqfLevelToJSON(item.nlqfLevel), eqfLevel: R.eqfLevelToJSON(item.eqfLevel), sector: sectorToJSON(item.sector), language: item.language,
    deliveryMode: R.deliveryModeToJSON(item.deliveryMode), leadsToCertificate: item.leadsToCertificate, notAvailableForStap: item.notAvailableForStap,
    cancelledStartMomentCodes: item.cancelledStartMomentCodes,
    startMoments: item.startMoments.map((input) => {
      const sm = toStartMomentInput(input);
      const price = Object.fromEntries(Object.entries({ courseTuitionCents: sm.price.courseTuitionCents, examCents: sm.price.examCents, literatureCents: sm.price.literatureCents }).filter(([, v]) => v !== null));
      return { startMomentCode: sm.providerStartMomentCode, startDate: sm.startDate, endDate: sm.endDate, location: sm.location, price };
    }),
  };
}

export function submitFeedHandler(kit: HandlerKit, prisma: PrismaClient) {
  return (call: ServerReadableStream<R.SubmitFeedRequest, R.FeedSubmission>, callback: sendUnaryData<R.FeedSubmission>): void => {
    let header: R.FeedHeader | undefined;
    const items: unknown[] = [];
    let problem: GrpcError | undefined;
    const refuse = (field: string, description: string) => (problem ??= new GrpcError(GrpcStatus.INVALID_ARGUMENT, 'the feed stream is invalid', [{ field, description }]));
    call.on('data', (message: R.SubmitFeedRequest) => {
      if (message.part?.$case === 'header') {
        if (header || items.length > 0) refuse('header', 'must be the first message, exactly once');
        header = message.part.value;
      } else if (message.part?.$case === 'item') {
        if (!header) refuse('header', 'the first message must be the header');
        if (items.length >= MAX_ITEMS) refuse('item', `a feed has at most ${MAX_ITEMS} items`);
        else items.push(feedItemJson(message.part.value));
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      (async () => {
        if (problem) throw problem;
        if (!header) throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, 'the feed stream is empty', [{ field: 'header', description: 'is required' }]);
        const identity = await kit.authenticate(call.metadata, call.getPath());
        const provider = await prisma.providerProjection.findUnique({ where: { providerId: header.providerId } });
        const feed = {
          feedReference: header.feedReference, mode: header.mode === R.FeedMode.FEED_MODE_FULL ? 'FULL' : header.mode === R.FeedMode.FEED_MODE_DELTA ? 'DELTA' : '',
          producedAt: header.producedAt, provider: { providerId: header.providerId, kvkNumber: provider?.kvkNumber ?? '' }, programmes: items,
        };
        return feedMessage(await importFeed(prisma, { subject: identity.subject, scopes: identity.scopes, kvkNumber: identity.kvkNumber }, feed));
      })().then(
        (response) => callback(null, response),
        (error: unknown) => {
          if (error instanceof GrpcError) return callback(error.toServiceError());
          if (error instanceof ApplicationError) return callback(fromApplicationError(error).toServiceError());
          kit.logger.error({ err: error }, 'unexpected error in SubmitFeed');
          callback(new GrpcError(GrpcStatus.INTERNAL, 'internal error').toServiceError());
        },
      );
    });
  };
}
