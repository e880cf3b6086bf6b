// LOCAL STAND-IN for the external registers (stap.external.v1): personal records (BRP), insurance history (UWV
// polisadministratie) and student finance (DUO), served from a fixture of test persons. This is the integration
// point for the real registers: production sets EXTERNAL_REGISTERS_ADDRESS and never starts this server.
// Each register answers one read (Get…) or many in one call (BatchGet…, one result per request, a failed read fails
// alone in its result), as the contract describes.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { Status } from '@stap/contracts/google/rpc/status';
import { ApplicationError, invalid, notFoundError } from '@stap/platform/errors';
import { fromApplicationError, STATUS_DETAILS_KEY, unary, type HandlerKit, type ServiceRegistration } from '@stap/platform/grpc';
import {
  InsuranceHistoryServiceService,
  PersonalRecordsServiceService,
  StudentFinanceServiceService,
  type BatchGetInsuredMonthsRequest,
  type BatchGetInsuredMonthsResponse,
  type BatchGetPersonRecordsRequest,
  type BatchGetPersonRecordsResponse,
  type BatchGetStudentFinanceStatusRequest,
  type BatchGetStudentFinanceStatusResponse,
  type GetInsuredMonthsRequest,
  type GetInsuredMonthsResponse,
  type GetPersonRecordRequest,
  type GetStudentFinanceStatusRequest,
  type GetStudentFinanceStatusResponse,
  type PersonRecord,
} from '@stap/contracts/stap/external/v1/external';
import { countInsuredMonths, isValidBsn } from '@stap/regelingen';
import { toDateParts, toIsoDate } from '../../domain/dates';
import type { TestPerson } from './test-persons';

/** A batch holds at most this many reads (the contract's limit). */
const MAX_BATCH = 1_000;

type Persons = ReadonlyMap<string, TestPerson>;

function personOf(persons: Persons, bsn: string | undefined): TestPerson {
  if (!bsn || !isValidBsn(bsn)) throw invalid([{ field: 'bsn.value', description: 'must be a BSN of 9 digits passing the elfproef' }]);
  const person = persons.get(bsn);
  if (!person) throw notFoundError('no person with this BSN');
  return person;
}

function personRecord(persons: Persons, request: GetPersonRecordRequest): PersonRecord {
  const person = personOf(persons, request.bsn?.value);
  return {
    birthDate: toDateParts(person.birthDate),
    alive: !person.deceased,
    dateOfDeath: undefined,
    residentInNetherlands: true,
    municipalityCode: '0363',
    initials: person.initials,
    surname: person.surname,
  };
}

function insuredMonths(persons: Persons, request: GetInsuredMonthsRequest): GetInsuredMonthsResponse {
  const person = personOf(persons, request.bsn?.value);
  const from = toIsoDate(request.referencePeriod?.start);
  const until = toIsoDate(request.referencePeriod?.end);
  if (!from || !until) throw invalid([{ field: 'reference_period', description: 'start and end are required' }]);
  const periods = [{ from: person.insuredFrom, until: null }];
  return {
    monthsInsured: countInsuredMonths(periods, { from, until }),
    insuredPeriods: [{ start: toDateParts(person.insuredFrom), end: undefined }],
  };
}

function studentFinance(persons: Persons, request: GetStudentFinanceStatusRequest): GetStudentFinanceStatusResponse {
  const person = personOf(persons, request.bsn?.value);
  return {
    receivesStudentFinance: person.studentFinance ?? false,
    receivesLerarenbeurs: person.lerarenbeurs ?? false,
    receivesTegemoetkomingSchoolkosten: person.tegemoetkomingSchoolkosten ?? false,
  };
}

/** The google.rpc.Status a single call would have answered with. */
function statusOf(error: unknown): Status {
  if (!(error instanceof ApplicationError)) return { code: GrpcStatus.INTERNAL, message: 'internal error', details: [] };
  const [raw] = fromApplicationError(error).toServiceError().metadata?.get(STATUS_DETAILS_KEY) ?? [];
  return raw instanceof Buffer ? Status.decode(raw) : { code: GrpcStatus.UNKNOWN, message: error.message, details: [] };
}

/** Each read on its own: a failed one becomes its result's error. */
function eachOf<Req, Res, K extends string>(requests: Req[], read: (request: Req) => Res, okCase: K) {
  if (requests.length > MAX_BATCH) throw invalid([{ field: 'requests', description: `at most ${MAX_BATCH} reads per call` }]);
  return requests.map((request) => {
    try {
      return { result: { $case: okCase, value: read(request) } as { $case: K; value: Res } };
    } catch (error) {
      return { result: { $case: 'error' as const, value: statusOf(error) } };
    }
  });
}

export function standInRegisterServices(kit: HandlerKit, fixture: readonly TestPerson[]): ServiceRegistration[] {
  const persons = new Map(fixture.map((person) => [person.bsn, person]));
  return [
    {
      name: 'stap.external.v1.PersonalRecordsService',
      definition: PersonalRecordsServiceService,
      implementation: {
        getPersonRecord: unary<GetPersonRecordRequest, PersonRecord>(kit, async (request) => personRecord(persons, request)),
        batchGetPersonRecords: unary<BatchGetPersonRecordsRequest, BatchGetPersonRecordsResponse>(kit, async (batch) => ({
          results: eachOf(batch.requests, (request) => personRecord(persons, request), 'record'),
        })),
      },
    },
    {
      name: 'stap.external.v1.InsuranceHistoryService',
      definition: InsuranceHistoryServiceService,
      implementation: {
        getInsuredMonths: unary<GetInsuredMonthsRequest, GetInsuredMonthsResponse>(kit, async (request) => insuredMonths(persons, request)),
        batchGetInsuredMonths: unary<BatchGetInsuredMonthsRequest, BatchGetInsuredMonthsResponse>(kit, async (batch) => ({
          results: eachOf(batch.requests, (request) => insuredMonths(persons, request), 'months'),
        })),
      },
    },
    {
      name: 'stap.external.v1.StudentFinanceService',
      definition: StudentFinanceServiceService,
      implementation: {
        getStudentFinanceStatus: unary<GetStudentFinanceStatusRequest, GetStudentFinanceStatusResponse>(kit, async (request) => studentFinance(persons, request)),
        batchGetStudentFinanceStatus: unary<BatchGetStudentFinanceStatusRequest, BatchGetStudentFinanceStatusResponse>(kit, async (batch) => ({
          results: eachOf(batch.requests, (request) => studentFinance(persons, request), 'status'),
        })),
      },
    },
  ];
}
