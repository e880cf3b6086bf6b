// The portal's client of the external registers (stap.external.v1), with a deadline on every call. Eligibility is
// checked at the moment of application (DOMAIN.md §2.1), so the three registers are asked per application, in
// parallel; the reads of applications arriving together go out as one BatchGet… call per register (micro-batch.ts).
// "Not found" in the personal records is a fact (the person is not eligible), not an error.
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  InsuranceHistoryServiceClient,
  PersonalRecordsServiceClient,
  StudentFinanceServiceClient,
} from '@stap/contracts/stap/external/v1/external';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import type {
  GetInsuredMonthsRequest, GetInsuredMonthsResponse, GetPersonRecordRequest, GetStudentFinanceStatusRequest, GetStudentFinanceStatusResponse, PersonRecord,
} from '@stap/contracts/stap/external/v1/external';
import { callUnary, withDeadline } from '@stap/platform/grpc';
import { referencePeriodFor, type ExcludedBenefit, type IsoDate } from '@stap/regelingen';
import { toDateParts, toIsoDate } from '../../domain/dates';
import type { PersonFacts } from '../../domain/assessment';
import type { StapRules } from '../../domain/rules-version';
import { MicroBatcher, type ReadError } from './micro-batch';

export interface ExternalRegisters {
  personFacts(bsn: string, on: IsoDate, tijdvakOpeningDate: IsoDate, rules: StapRules): Promise<PersonFacts>;
  close(): void;
}

const NOT_FOUND: PersonFacts = { found: false, alive: false, birthDate: '1900-01-01', initials: '', surname: '', insuredPeriods: [], receives: [] };
const DEADLINE_MS = 3_000;
/** Reads per BatchGet… call at most (the contract allows 1,000). */
const BATCH_MAX = 500;

export function externalRegistersClient(address: string): ExternalRegisters {
  const channelOptions = { 'grpc.keepalive_time_ms': 30_000 };
  const records = new PersonalRecordsServiceClient(address, credentials.createInsecure(), channelOptions);
  const insurance = new InsuranceHistoryServiceClient(address, credentials.createInsecure(), channelOptions);
  const finance = new StudentFinanceServiceClient(address, credentials.createInsecure(), channelOptions);
  const context = { regelingCode: RegelingCode.REGELING_CODE_STAP, caseReference: '' };
  const options = () => withDeadline(DEADLINE_MS);
  const personRecords = new MicroBatcher<GetPersonRecordRequest, PersonRecord>(
    async (requests) => (await callUnary(records, records.batchGetPersonRecords, { requests }, new Metadata(), options())).results, BATCH_MAX);
  const insuredMonths = new MicroBatcher<GetInsuredMonthsRequest, GetInsuredMonthsResponse>(
    async (requests) => (await callUnary(insurance, insurance.batchGetInsuredMonths, { requests }, new Metadata(), options())).results, BATCH_MAX);
  const financeStatus = new MicroBatcher<GetStudentFinanceStatusRequest, GetStudentFinanceStatusResponse>(
    async (requests) => (await callUnary(finance, finance.batchGetStudentFinanceStatus, { requests }, new Metadata(), options())).results, BATCH_MAX);

  return {
    async personFacts(bsn, on, tijdvakOpeningDate, rules) {
      const reference = referencePeriodFor(tijdvakOpeningDate, rules.parameters.insurance.value);
      try {
        const [record, insured, study] = await Promise.all([
          personRecords.read({ bsn: { value: bsn }, onDate: toDateParts(on), context }),
          insuredMonths.read({ bsn: { value: bsn }, referencePeriod: { start: toDateParts(reference.from), end: toDateParts(reference.until) }, context }),
          financeStatus.read({ bsn: { value: bsn }, onDate: toDateParts(on), context }),
        ]);
        const receives: ExcludedBenefit[] = [];
        if (study.receivesStudentFinance) receives.push('STUDIEFINANCIERING');
        if (study.receivesLerarenbeurs) receives.push('LERARENBEURS');
        if (study.receivesTegemoetkomingSchoolkosten) receives.push('TEGEMOETKOMING_SCHOOLKOSTEN');
        return {
          found: true,
          alive: record.alive,
          birthDate: toIsoDate(record.birthDate) ?? '1900-01-01',
          initials: record.initials,
          surname: record.surname,
          insuredPeriods: insured.insuredPeriods.map((period) => ({ from: toIsoDate(period.start) ?? reference.from, until: toIsoDate(period.end) ?? null })),
          receives,
        };
      } catch (error) {
        if ((error as ServiceError | ReadError).code === status.NOT_FOUND) return NOT_FOUND;
        throw error;
      }
    },
    close() {
      records.close();
      insurance.close();
      finance.close();
    },
  };
}
