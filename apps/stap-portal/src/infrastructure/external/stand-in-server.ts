// LOCAL STAND-IN for the external registers (stap.external.v1): personal records (BRP), insurance history (UWV
// polisadministratie) and student finance (DUO), served from a fixture of test persons. This is the integration
// point for the real registers: production sets EXTERNAL_REGISTERS_ADDRESS and never starts this server.
import { invalid, notFoundError } from '@stap/platform/errors';
import { unary, type HandlerKit, type ServiceRegistration } from '@stap/platform/grpc';
import {
  InsuranceHistoryServiceService,
  PersonalRecordsServiceService,
  StudentFinanceServiceService,
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

function personOf(persons: ReadonlyMap<string, TestPerson>, bsn: string | undefined): TestPerson {
  if (!bsn || !isValidBsn(bsn)) throw invalid([{ field: 'bsn.value', description: 'must be a BSN of 9 digits passing the elfproef' }]);
  const person = persons.get(bsn);
  if (!person) throw notFoundError('no person with this BSN');
  return person;
}

export function standInRegisterServices(kit: HandlerKit, fixture: readonly TestPerson[]): ServiceRegistration[] {
  const persons = new Map(fixture.map((person) => [person.bsn, person]));
  return [
    {
      name: 'stap.external.v1.PersonalRecordsService',
      definition: PersonalRecordsServiceService,
      implementation: {
        getPersonRecord: unary<GetPersonRecordRequest, PersonRecord>(kit, async (request) => {
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
        }),
      },
    },
    {
      name: 'stap.external.v1.InsuranceHistoryService',
      definition: InsuranceHistoryServiceService,
      implementation: {
        getInsuredMonths: unary<GetInsuredMonthsRequest, GetInsuredMonthsResponse>(kit, async (request) => {
          const person = personOf(persons, request.bsn?.value);
          const from = toIsoDate(request.referencePeriod?.start);
          const until = toIsoDate(request.referencePeriod?.end);
          if (!from || !until) throw invalid([{ field: 'reference_period', description: 'start and end are required' }]);
          const periods = [{ from: person.insuredFrom, until: null }];
          return {
            monthsInsured: countInsuredMonths(periods, { from, until }),
            insuredPeriods: [{ start: toDateParts(person.insuredFrom), end: undefined }],
          };
        }),
      },
    },
    {
      name: 'stap.external.v1.StudentFinanceService',
      definition: StudentFinanceServiceService,
      implementation: {
        getStudentFinanceStatus: unary<GetStudentFinanceStatusRequest, GetStudentFinanceStatusResponse>(kit, async (request) => {
          const person = personOf(persons, request.bsn?.value);
          return {
            receivesStudentFinance: person.studentFinance ?? false,
            receivesLerarenbeurs: person.lerarenbeurs ?? false,
            receivesTegemoetkomingSchoolkosten: person.tegemoetkomingSchoolkosten ?? false,
          };
        }),
      },
    },
  ];
}
