// gRPC edge of the provider registry: decodes requests into use-case input, establishes the actor, and maps results
// back to the contract. Business rules live in application/ and domain/; authorisation in domain/actor.ts.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { invalid } from '@stap/platform/errors';
import { GrpcError, unary, type CallContext, type HandlerKit } from '@stap/platform/grpc';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import * as Api from '@stap/contracts/stap/providers/v1/providers';
import { changeBankAccount, type AccountOwnerKey } from '../../application/change-bank-account';
import { checkProviderEligibility } from '../../application/check-eligibility';
import { decideProviderStatus, type StatusDecisionInput } from '../../application/decide-provider-status';
import { getAdviserOrganisation, getCareerAdviser, type AdviserOrganisationKey } from '../../application/get-adviser';
import { getBankAccount } from '../../application/get-bank-account';
import { getProvider, type ProviderKey } from '../../application/get-provider';
import { grantRecognition } from '../../application/grant-recognition';
import { listProviders } from '../../application/list-providers';
import { routeFromProto } from '../../application/proto-enums';
import { registerAdviserOrganisation } from '../../application/register-adviser-organisation';
import { registerCareerAdviser } from '../../application/register-career-adviser';
import { registerProvider } from '../../application/register-provider';
import { renewRecognition } from '../../application/renew-recognition';
import { revokeRecognition } from '../../application/revoke-recognition';
import { updateProviderDetails } from '../../application/update-provider-details';
import type { Actor } from '../../domain/actor';
import { isoFromParts, todayInAmsterdam, type DateParts } from '../../domain/dates';
import { VersionConflict } from '../../domain/errors';
import type { ProviderRegistration } from '../../domain/provider';
import type { RecognitionRouteName } from '../../domain/recognition';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import { actorOf } from '../auth/actor';
import * as Map from './provider-mapper';

export function toRegistration(request: Api.RegisterProviderRequest | Api.RegisterAdviserOrganisationRequest): ProviderRegistration {
  return {
    kvkNumber: request.kvkNumber?.value ?? '',
    legalName: request.legalName,
    // The contract: "defaults to legal_name when empty".
    communicationName: request.communicationName || request.legalName,
    contact: {
      email: request.contact?.email ?? '',
      phone: request.contact?.phone || undefined,
      website: request.contact?.website || undefined,
    },
    address: {
      street: request.address?.street ?? '',
      houseNumber: request.address?.houseNumber ?? 0,
      houseNumberAddition: request.address?.houseNumberAddition || undefined,
      postalCode: request.address?.postalCode ?? '',
      city: request.address?.city ?? '',
    },
  };
}

function providerKey(identifier: Api.GetProviderRequest['identifier']): ProviderKey {
  if (identifier?.$case === 'providerId') return { providerId: identifier.value };
  if (identifier?.$case === 'kvkNumber') return { kvkNumber: identifier.value.value };
  throw invalid([{ field: 'identifier', description: 'provider_id or kvk_number is required' }]);
}

function organisationKey(identifier: Api.GetAdviserOrganisationRequest['identifier']): AdviserOrganisationKey {
  if (identifier?.$case === 'adviserOrganisationId') return { adviserOrganisationId: identifier.value };
  if (identifier?.$case === 'kvkNumber') return { kvkNumber: identifier.value.value };
  throw invalid([{ field: 'identifier', description: 'adviser_organisation_id or kvk_number is required' }]);
}

function ownerKey(owner: Api.AccountOwner | undefined): AccountOwnerKey {
  const value = owner?.owner;
  if (value?.$case === 'providerId') return { providerId: value.value };
  if (value?.$case === 'adviserOrganisationId') return { adviserOrganisationId: value.value };
  throw invalid([{ field: 'owner', description: 'provider_id or adviser_organisation_id is required' }]);
}

/** A google.type.Date that is set but not a calendar date is a violation of its own, not "unset". */
const isMalformed = (parts: DateParts | undefined) => parts !== undefined && parts.year !== 0 && isoFromParts(parts) === undefined;

const version = (value: string) => (/^\d+$/.test(value) ? BigInt(value) : 0n);

const regelingName = (code: RegelingCode) => (code === RegelingCode.REGELING_CODE_UNSPECIFIED ? '' : (RegelingCode[code] ?? '').replace(/^REGELING_CODE_/, ''));

export interface GrpcDependencies {
  prisma: PrismaClient;
  recognisingBodyRoutes: ReadonlyMap<string, RecognitionRouteName>;
}

export function providerRegistryService(kit: HandlerKit, deps: GrpcDependencies) {
  const { prisma } = deps;
  /** Every handler: the actor from the identity, and ABORTED for a stale expected_version (contract). */
  const handle = <Req, Res>(fn: (request: Req, actor: Actor) => Promise<Res>) =>
    unary<Req, Res>(kit, async (request: Req, ctx: CallContext) => {
      try {
        return await fn(request, actorOf(ctx.identity, deps.recognisingBodyRoutes));
      } catch (error) {
        if (error instanceof VersionConflict) throw new GrpcError(GrpcStatus.ABORTED, error.message);
        throw error;
      }
    });

  const decide = (kind: StatusDecisionInput['kind'], input: Omit<StatusDecisionInput, 'kind'>, actor: Actor) =>
    decideProviderStatus(prisma, { ...input, kind }, actor, todayInAmsterdam()).then((view) => Map.toProviderMessage(view));

  const implementation: Api.ProviderRegistryServiceServer = {
    registerProvider: handle<Api.RegisterProviderRequest, Api.Provider>(async (request, actor) =>
      Map.toProviderMessage(await registerProvider(prisma, toRegistration(request), actor)),
    ),
    getProvider: handle<Api.GetProviderRequest, Api.Provider>(async (request, actor) =>
      Map.toProviderMessage(await getProvider(prisma, providerKey(request.identifier), actor)),
    ),
    listProviders: handle<Api.ListProvidersRequest, Api.ListProvidersResponse>(async (request, actor) => {
      if (isMalformed(request.recognitionValidOn)) throw invalid([{ field: 'recognition_valid_on', description: 'must be a calendar date' }]);
      const result = await listProviders(
        prisma,
        {
          pageSize: request.page?.pageSize ?? 0,
          pageToken: request.page?.pageToken ?? '',
          statuses: request.statuses.map(Map.statusFromProto),
          routes: request.recognitionRoutes.map((route) => routeFromProto(route) || String(route)),
          recognitionValidOn: isoFromParts(request.recognitionValidOn) ?? todayInAmsterdam(),
          nameContains: request.nameContains,
        },
        actor,
      );
      return {
        providers: result.providers.map((view) => Map.toProviderMessage(view)),
        page: { nextPageToken: result.nextPageToken, totalSize: String(result.totalSize) },
      };
    }),
    updateProviderDetails: handle<Api.UpdateProviderDetailsRequest, Api.Provider>(async (request, actor) => {
      const change = {
        providerId: request.providerId,
        expectedVersion: version(request.expectedVersion),
        communicationName: request.communicationName,
        contact: request.contact ? { email: request.contact.email, phone: request.contact.phone || undefined, website: request.contact.website || undefined } : undefined,
        address: request.address
          ? { ...request.address, houseNumberAddition: request.address.houseNumberAddition || undefined }
          : undefined,
      };
      return Map.toProviderMessage(await updateProviderDetails(prisma, change, actor));
    }),
    grantRecognition: handle<Api.GrantRecognitionRequest, Api.Provider>(async (request, actor) => {
      const input = {
        route: routeFromProto(request.route),
        issuingBody: request.issuingBody,
        externalReference: request.externalReference,
        validFrom: isoFromParts(request.validPeriod?.start),
        validUntil: isoFromParts(request.validPeriod?.end),
        validUntilMalformed: isMalformed(request.validPeriod?.end),
      };
      return Map.toProviderMessage(await grantRecognition(prisma, request.providerId, input, actor));
    }),
    renewRecognition: handle<Api.RenewRecognitionRequest, Api.Provider>(async (request, actor) =>
      Map.toProviderMessage(await renewRecognition(prisma, request, isoFromParts(request.newEnd), actor)),
    ),
    revokeRecognition: handle<Api.RevokeRecognitionRequest, Api.Provider>(async (request, actor) =>
      Map.toProviderMessage(
        await revokeRecognition(prisma, request, { effectiveDate: isoFromParts(request.effectiveDate), reason: request.reason }, actor),
      ),
    ),
    openInvestigation: handle<Api.OpenInvestigationRequest, Api.Provider>((request, actor) =>
      decide('INVESTIGATION_OPENED', { providerId: request.providerId, expectedVersion: version(request.expectedVersion), reference: request.caseReference, reason: request.caseReference, effectiveDate: todayInAmsterdam() }, actor),
    ),
    closeInvestigation: handle<Api.CloseInvestigationRequest, Api.Provider>((request, actor) =>
      decide('INVESTIGATION_CLOSED', { providerId: request.providerId, expectedVersion: version(request.expectedVersion), reference: request.caseReference, reason: request.outcome, effectiveDate: todayInAmsterdam() }, actor),
    ),
    suspendProvider: handle<Api.SuspendProviderRequest, Api.Provider>((request, actor) =>
      decide('SUSPENDED', decisionInput(request), actor),
    ),
    reinstateProvider: handle<Api.ReinstateProviderRequest, Api.Provider>((request, actor) =>
      decide('REINSTATED', decisionInput(request), actor),
    ),
    endProvider: handle<Api.EndProviderRequest, Api.Provider>((request, actor) =>
      decide('ENDED', { providerId: request.providerId, expectedVersion: version(request.expectedVersion), reference: request.reason, reason: request.reason, effectiveDate: isoFromParts(request.endDate) }, actor),
    ),
    changeBankAccount: handle<Api.ChangeBankAccountRequest, Api.BankAccountSummary>(async (request, actor) => {
      const account = await changeBankAccount(prisma, ownerKey(request.owner), { iban: request.iban?.value ?? '', holderName: request.accountHolderName }, actor);
      return Map.toBankAccountSummary(account);
    }),
    getBankAccount: handle<Api.GetBankAccountRequest, Api.BankAccount>(async (request, actor) =>
      Map.toBankAccountMessage(await getBankAccount(prisma, request.accountReference, actor)),
    ),
    checkProviderEligibility: handle<Api.CheckProviderEligibilityRequest, Api.CheckProviderEligibilityResponse>(async (request, actor) => {
      if (isMalformed(request.onDate)) throw invalid([{ field: 'on_date', description: 'must be a calendar date' }]);
      const question = { key: providerKey(request.identifier), regeling: regelingName(request.regelingCode), date: isoFromParts(request.onDate) };
      return Map.toEligibilityResponse(await checkProviderEligibility(prisma, question, actor));
    }),
    registerAdviserOrganisation: handle<Api.RegisterAdviserOrganisationRequest, Api.AdviserOrganisation>(async (request, actor) =>
      Map.toAdviserOrganisationMessage(await registerAdviserOrganisation(prisma, toRegistration(request), actor), null),
    ),
    getAdviserOrganisation: handle<Api.GetAdviserOrganisationRequest, Api.AdviserOrganisation>(async (request, actor) => {
      const { organisation, bankAccount } = await getAdviserOrganisation(prisma, organisationKey(request.identifier), actor);
      return Map.toAdviserOrganisationMessage(organisation, bankAccount);
    }),
    registerCareerAdviser: handle<Api.RegisterCareerAdviserRequest, Api.CareerAdviser>(async (request, actor) => {
      const input = {
        name: request.name,
        register: (Api.AdviserRegister[request.register] ?? '').replace(/^ADVISER_REGISTER_/, ''),
        registrationNumber: request.registrationNumber,
        hboLevel: request.hboLevel,
        yearsOfExperience: request.yearsOfExperience,
        activeFrom: isoFromParts(request.activePeriod?.start),
        activeUntil: isoFromParts(request.activePeriod?.end),
        activeUntilMalformed: isMalformed(request.activePeriod?.end),
      };
      return Map.toCareerAdviserMessage(await registerCareerAdviser(prisma, request.adviserOrganisationId, input, actor));
    }),
    getCareerAdviser: handle<Api.GetCareerAdviserRequest, Api.CareerAdviser>(async (request, actor) =>
      Map.toCareerAdviserMessage(await getCareerAdviser(prisma, request.careerAdviserId, actor)),
    ),
  };

  return { name: 'stap.providers.v1.ProviderRegistryService', definition: Api.ProviderRegistryServiceService, implementation };
}

function decisionInput(request: Api.SuspendProviderRequest | Api.ReinstateProviderRequest): Omit<StatusDecisionInput, 'kind'> {
  return {
    providerId: request.providerId,
    expectedVersion: version(request.expectedVersion),
    reference: request.decision?.reference ?? '',
    reason: request.decision?.reason ?? '',
    decidedOn: isoFromParts(request.decision?.decidedOn),
    effectiveDate: isoFromParts(request.effectiveDate),
  };
}
