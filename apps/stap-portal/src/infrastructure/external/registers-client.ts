// The portal's client of the external registers (stap.external.v1), with a deadline on every call. Eligibility is
// checked at the moment of application (DOMAIN.md §2.1), so the three registers are asked per application, in
// parallel. "Not found" in the personal records is a fact (the person is not eligible), not an error.
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  InsuranceHistoryServiceClient,
  PersonalRecordsServiceClient,
  StudentFinanceServiceClient,
} from '@stap/contracts/stap/external/v1/external';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { callUnary, withDeadline } from '@stap/platform/grpc';
import { referencePeriodFor, type ExcludedBenefit, type IsoDate } from '@stap/regelingen';
import { toDateParts, toIsoDate } from '../../domain/dates';
import type { PersonFacts } from '../../domain/assessment';
import type { StapRules } from '../../domain/rules-version';

export interface ExternalRegisters {
  personFacts(bsn: string, on: IsoDate, tijdvakOpeningDate: IsoDate, rules: StapRules): Promise<PersonFacts>;
  close(): void;
}

const NOT_FOUND: PersonFacts = { found: false, alive: false, birthDate: '1900-01-01', initials: '', surname: '', insuredPeriods: [], receives: [] };
const DEADLINE_MS = 3_000;

export function externalRegistersClient(address: string): ExternalRegisters {
  const channelOptions = { 'grpc.keepalive_time_ms': 30_000 };
  const records = new PersonalRecordsServiceClient(address, credentials.createInsecure(), channelOptions);
  const insurance = new InsuranceHistoryServiceClient(address, credentials.createInsecure(), channelOptions);
  const finance = new StudentFinanceServiceClient(address, credentials.createInsecure(), channelOptions);
  const context = { regelingCode: RegelingCode.REGELING_CODE_STAP, caseReference: '' };

  return {
    async personFacts(bsn, on, tijdvakOpeningDate, rules) {
      const reference = referencePeriodFor(tijdvakOpeningDate, rules.parameters.insurance.value);
      const meta = new Metadata();
      try {
        const [record, insured, study] = await Promise.all([
          callUnary(records, records.getPersonRecord, { bsn: { value: bsn }, onDate: toDateParts(on), context }, meta, withDeadline(DEADLINE_MS)),
          callUnary(insurance, insurance.getInsuredMonths, { bsn: { value: bsn }, referencePeriod: { start: toDateParts(reference.from), end: toDateParts(reference.until) }, context }, meta, withDeadline(DEADLINE_MS)),
          callUnary(finance, finance.getStudentFinanceStatus, { bsn: { value: bsn }, onDate: toDateParts(on), context }, meta, withDeadline(DEADLINE_MS)),
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
        if ((error as ServiceError).code === status.NOT_FOUND) return NOT_FOUND;
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
