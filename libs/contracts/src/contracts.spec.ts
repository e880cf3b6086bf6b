// Round-trips real contract messages through the generated code (imported relatively, as the lint rules require
// inside this project; other projects import `@stap/contracts/...`), and cross-checks the wire format with an
// independent codec (@grpc/proto-loader over the generated FileDescriptorSet). Each test pins one ts-proto option
// from proto/buf.gen.yaml: it fails if the option is dropped or changed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import { Any } from './generated/google/protobuf/any';
import { BadRequest } from './generated/google/rpc/error_details';
import { Code } from './generated/google/rpc/code';
import { Status } from './generated/google/rpc/status';
import { Money, RegelingCode, TijdvakRef } from './generated/stap/common/v1/common';
import { ProviderRegistered } from './generated/stap/providers/events/v1/events';
import {
  GetProviderRequest,
  Provider,
  ProviderRegistryServiceService,
  ProviderStatus,
  RecognitionRoute,
} from './generated/stap/providers/v1/providers';

const DESCRIPTOR_SET = path.join(__dirname, 'generated', 'descriptor-set.binpb');

// 2^53 + 1: the first integer a JavaScript number cannot hold. Survives only if int64 is a string (forceLong=string).
const BEYOND_SAFE_INTEGER_CENTS = '9007199254740993';

/** Protobuf varint encoding, written out independently of the generated code. */
function varint(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80n) {
    bytes.push(Number((rest & 0x7fn) | 0x80n));
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return bytes;
}

function loadDescriptorSet(): protoLoader.PackageDefinition {
  return protoLoader.loadFileDescriptorSetFromBuffer(readFileSync(DESCRIPTOR_SET), { longs: String, enums: String });
}

function providerServiceMethod(name: string): protoLoader.MethodDefinition<object, object> {
  const service = loadDescriptorSet()['stap.providers.v1.ProviderRegistryService'] as protoLoader.ServiceDefinition;
  return service[name] as protoLoader.MethodDefinition<object, object>;
}

function sampleProvider(): Provider {
  return Provider.fromPartial({
    id: '0b9a1f1e-8c6e-4e59-9d0c-5a3c1f0e2b7d',
    kvkNumber: { value: '01234567' },
    legalName: 'Opleidingen Noord B.V.',
    communicationName: 'Opleidingen Noord',
    contact: { email: 'info@opleidingen-noord.nl', phone: '+31501234567', website: 'https://opleidingen-noord.nl' },
    address: { street: 'Grote Markt', houseNumber: 1, houseNumberAddition: 'A', postalCode: '9711 LV', city: 'Groningen' },
    status: ProviderStatus.PROVIDER_STATUS_ACTIVE,
    recognitions: [
      {
        id: 'f3c2b1a0-0000-4000-8000-000000000001',
        route: RecognitionRoute.RECOGNITION_ROUTE_NRTO,
        issuingBody: 'NRTO',
        validPeriod: { start: { year: 2022, month: 1, day: 1 }, end: { year: 2024, month: 12, day: 31 } },
      },
    ],
    createdAt: '2022-01-03T09:15:00.250Z',
    updatedAt: '2022-02-01T10:00:00.000Z',
    version: '7',
  });
}

describe('Money (int64 cents as string: forceLong=string)', () => {
  it('round-trips an amount beyond 2^53 without losing a cent', () => {
    const money: Money = { amountCents: BEYOND_SAFE_INTEGER_CENTS, currency: 'EUR' };

    const decoded = Money.decode(Money.encode(money).finish());

    expect(decoded).toEqual(money);
    expect(typeof decoded.amountCents).toBe('string');
  });

  it('puts amount_cents on the wire as a varint int64 in field 1 and currency in field 2', () => {
    const bytes = Money.encode({ amountCents: '100000', currency: 'EUR' }).finish();

    const expected = [0x08, ...varint(100000n), 0x12, 3, ...Buffer.from('EUR')];
    expect([...bytes]).toEqual(expected);
  });

  it('encodes a negative correction as a two-complement int64', () => {
    const decoded = Money.decode(Money.encode({ amountCents: '-2500', currency: 'EUR' }).finish());

    expect(decoded.amountCents).toBe('-2500');
  });
});

describe('oneof as a tagged union ($case/value: oneof=unions-value)', () => {
  it('round-trips GetProviderRequest by KvK number', () => {
    const request: GetProviderRequest = { identifier: { $case: 'kvkNumber', value: { value: '01234567' } } };

    const decoded = GetProviderRequest.decode(GetProviderRequest.encode(request).finish());

    expect(decoded.identifier).toEqual({ $case: 'kvkNumber', value: { value: '01234567' } });
  });

  it('round-trips GetProviderRequest by provider id', () => {
    const request: GetProviderRequest = { identifier: { $case: 'providerId', value: 'a-provider-id' } };

    const decoded = GetProviderRequest.decode(GetProviderRequest.encode(request).finish());

    expect(decoded.identifier).toEqual({ $case: 'providerId', value: 'a-provider-id' });
  });

  it('is read identically by an independent codec built from the descriptor set', () => {
    const bytes = Buffer.from(
      GetProviderRequest.encode({ identifier: { $case: 'kvkNumber', value: { value: '87654321' } } }).finish(),
    );

    const decoded = providerServiceMethod('GetProvider').requestDeserialize(bytes);

    // The independent codec uses the proto field names (snake_case).
    expect(decoded).toEqual({ kvk_number: { value: '87654321' } });
  });
});

describe('Provider (timestamps as ISO strings: useDate=string; int64 version as string)', () => {
  it('round-trips a full provider', () => {
    const provider = sampleProvider();

    const decoded = Provider.decode(Provider.encode(provider).finish());

    expect(decoded).toEqual(provider);
    expect(decoded.createdAt).toBe('2022-01-03T09:15:00.250Z');
    expect(decoded.version).toBe('7');
  });

  it('is read identically by an independent codec built from the descriptor set', () => {
    const bytes = Buffer.from(Provider.encode(sampleProvider()).finish());

    const decoded = providerServiceMethod('GetProvider').responseDeserialize(bytes) as Record<string, unknown>;

    expect(decoded).toMatchObject({
      kvk_number: { value: '01234567' },
      legal_name: 'Opleidingen Noord B.V.',
      status: 'PROVIDER_STATUS_ACTIVE',
      version: '7',
      created_at: { seconds: '1641201300', nanos: 250_000_000 },
      address: { house_number: 1, postal_code: '9711 LV' },
    });
  });
});

describe('events', () => {
  it('round-trips ProviderRegistered with its registration instant', () => {
    const event: ProviderRegistered = {
      providerId: '0b9a1f1e-8c6e-4e59-9d0c-5a3c1f0e2b7d',
      kvkNumber: { value: '01234567' },
      legalName: 'Opleidingen Noord B.V.',
      communicationName: 'Opleidingen Noord',
      registeredAt: '2022-01-03T09:15:00.250Z',
    };

    expect(ProviderRegistered.decode(ProviderRegistered.encode(event).finish())).toEqual(event);
  });

  it('names regeling and tijdvak with the shared RegelingCode', () => {
    const ref: TijdvakRef = { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId: 'STAP-2022-05' };

    expect(TijdvakRef.decode(TijdvakRef.encode(ref).finish())).toEqual(ref);
    expect(RegelingCode.REGELING_CODE_STAP).toBe(1);
    expect(RegelingCode.REGELING_CODE_PRAKTIJKLEREN_MBO).toBe(10);
  });
});

describe('google.rpc.Status with BadRequest details (env=node: bytes are Buffers)', () => {
  const badRequest: BadRequest = {
    fieldViolations: [
      { field: 'kvk_number.value', description: 'KvK-nummer moet 8 cijfers zijn', reason: 'PATTERN', localizedMessage: undefined },
      { field: 'address.postal_code', description: 'postcode moet de vorm 1234 AB hebben', reason: 'PATTERN', localizedMessage: undefined },
    ],
  };

  it('round-trips the status and unpacks the field violations from Any', () => {
    const status: Status = {
      code: Code.INVALID_ARGUMENT,
      message: 'request has 2 invalid fields',
      details: [{ typeUrl: 'type.googleapis.com/google.rpc.BadRequest', value: Buffer.from(BadRequest.encode(badRequest).finish()) }],
    };

    const decoded = Status.decode(Status.encode(status).finish());

    expect(decoded.code).toBe(3);
    const [detail] = decoded.details;
    expect(Buffer.isBuffer(detail.value)).toBe(true);
    expect(detail.typeUrl).toBe('type.googleapis.com/google.rpc.BadRequest');
    expect(BadRequest.decode(detail.value)).toEqual(badRequest);
  });

  it('exposes Any as a plain message so the kit can pack any detail', () => {
    const any = Any.fromPartial({ typeUrl: 'type.googleapis.com/google.rpc.BadRequest', value: Buffer.from([1, 2]) });

    expect(Any.decode(Any.encode(any).finish())).toEqual(any);
  });
});

describe('gRPC service definitions (outputServices=grpc-js)', () => {
  it('defines ProviderRegistryService methods with their full paths and codecs', () => {
    const method = ProviderRegistryServiceService.registerProvider;

    expect(method.path).toBe('/stap.providers.v1.ProviderRegistryService/RegisterProvider');
    expect(method.requestStream).toBe(false);
    expect(method.responseStream).toBe(false);
    const provider = sampleProvider();
    expect(method.responseDeserialize(method.responseSerialize(provider))).toEqual(provider);
  });
});

describe('descriptor set for server reflection', () => {
  it('holds every service and the imported google types, so reflection clients can resolve them', () => {
    const definition = loadDescriptorSet();

    expect(Object.keys(definition)).toEqual(
      expect.arrayContaining([
        'stap.providers.v1.ProviderRegistryService',
        'stap.providers.events.v1.ProviderRegistered',
        'google.rpc.Status',
        'google.rpc.BadRequest',
        'google.type.Date',
        'google.protobuf.Timestamp',
      ]),
    );
  });
});
