// gRPC edge of the provider registry: decodes requests into domain input, checks the caller's scope, and maps
// stored rows back to the contract. Business rules live in application/ and domain/.
import { forbidden, invalid } from '@stap/platform/errors';
import { hasScope, unary, type CallContext, type HandlerKit } from '@stap/platform/grpc';
import {
  ProviderRegistryServiceService,
  type GetProviderRequest,
  type Provider,
  type RegisterProviderRequest,
} from '@stap/contracts/stap/providers/v1/providers';
import { getProvider, type ProviderKey } from '../../application/get-provider';
import { registerProvider } from '../../application/register-provider';
import type { ProviderRegistration } from '../../domain/provider';
import type { PrismaClient, ProviderRow } from '../../infrastructure/prisma/client';
import { toProviderMessage } from './provider-mapper';

export const SCOPES = { read: 'providers:read', write: 'providers:write' } as const;

function requireScope(ctx: CallContext, scope: string): void {
  if (!hasScope(ctx.identity, scope)) throw forbidden(`scope ${scope} is required`);
}

export function toRegistration(request: RegisterProviderRequest): ProviderRegistration {
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

function toProviderKey(request: GetProviderRequest): ProviderKey {
  const key = request.identifier;
  if (key?.$case === 'providerId') return { providerId: key.value };
  if (key?.$case === 'kvkNumber') return { kvkNumber: key.value.value };
  throw invalid([{ field: 'identifier', description: 'provider_id or kvk_number is required' }]);
}

export function providerRegistryService(kit: HandlerKit, prisma: PrismaClient) {
  return {
    name: 'stap.providers.v1.ProviderRegistryService',
    definition: ProviderRegistryServiceService,
    implementation: {
      registerProvider: unary<RegisterProviderRequest, Provider>(kit, async (request, ctx) => {
        requireScope(ctx, SCOPES.write);
        const row: ProviderRow = await registerProvider(prisma, toRegistration(request), { subject: ctx.identity.subject });
        return toProviderMessage(row);
      }),
      getProvider: unary<GetProviderRequest, Provider>(kit, async (request, ctx) => {
        requireScope(ctx, SCOPES.read);
        return toProviderMessage(await getProvider(prisma, toProviderKey(request)));
      }),
    },
  };
}
