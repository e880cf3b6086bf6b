// The shape of the versioned scheme configuration. Every value that comes from a scheme is a
// `Sourced<T>`: the value together with where it comes from, so a reviewer can trace each number to
// DOMAIN.md, a seed letter or the public record, and an assumption is always labelled as one.
import type { AmsterdamDateTime } from '../calendar/amsterdam-time';
import type { IsoDate } from '../calendar/iso-date';
import type { RegelingCode, TijdvakId } from '../codes';

/** The source letters in /work/shared/seeds/ (Dutch Kamerbrieven). */
export type SeedId = '000' | '001' | '002' | '003' | '004';

export interface Source {
  /** Section of /work/shared/DOMAIN.md, e.g. '§2.1'. */
  readonly domain?: string;
  readonly seeds?: readonly SeedId[];
  /** Present when the value comes from the public record of the real scheme; says which part of it. */
  readonly pub?: string;
  /** Present when the value is our choice: what the sources do say, and why this value was chosen. */
  readonly assumption?: string;
}

export interface Sourced<T> {
  readonly value: T;
  readonly source: Source;
}

export type Executor = 'UWV' | 'UITVOERING_VAN_BELEID_SZW' | 'BELASTINGDIENST' | 'RVO';

export type ApplicantType =
  | 'PERSOON'
  | 'LOOPBAANADVISEUR'
  | 'OPLEIDER'
  | 'OPLEIDERSCOLLECTIEF'
  | 'SAMENWERKINGSVERBAND'
  | 'MKB_ONDERNEMING'
  | 'GROOTBEDRIJF_LANDBOUW_HORECA_RECREATIE'
  | 'WERKGEVER'
  | 'BELASTINGPLICHTIGE';

export type ProcessingOrder =
  /** In order of complete receipt; when the ceiling is reached the rest is rejected, no waiting list. */
  | 'FIRST_COME_FIRST_SERVED'
  /** Registrations or claims counted in order of receipt up to a count cap. */
  | 'ORDER_OF_RECEIPT_UNTIL_CAP';

/** Full: the platform runs its flows. Reference: code and facts only, so old decisions stay readable. */
export type RegelingScope = 'FULL' | 'REFERENCE';

export type ExcludedBenefit = 'STUDIEFINANCIERING' | 'LERARENBEURS' | 'TEGEMOETKOMING_SCHOOLKOSTEN';

export type RecognitionRoute = 'OCW_RIO' | 'NRTO' | 'NLQF' | 'CPION' | 'CEDEO' | 'BRANCHE';

export type ScholingCategory = 'A' | 'B' | 'C';

export interface CentsRange {
  readonly minCents: number;
  readonly maxCents: number;
}

export interface LegalPeriod {
  readonly from: IsoDate;
  /** Inclusive. */
  readonly until: IsoDate;
}

export interface BudgetLine {
  readonly label: string;
  /** Calendar year the line applies to; absent for a total over the scheme's whole period. */
  readonly year?: number;
  readonly cents: Sourced<number>;
}

export interface AgeLimits {
  readonly minimumAgeYears: Sourced<number>;
  /** Eligible only below the AOW (state pension) age that applies to the birth date. */
  readonly belowAowAge: Sourced<boolean>;
}

export interface InsuranceRequirement {
  readonly minimumInsuredMonths: number;
  /** The reference period starts this many months before the tijdvak opens… */
  readonly referenceStartsMonthsBeforeOpening: number;
  /** …and ends (exclusive) this many months before it opens. */
  readonly referenceEndsMonthsBeforeOpening: number;
}

export interface CompletionCriteria {
  readonly minimumAttendancePercent: number;
  readonly minimumCreditsPercent: number;
}

export interface StapParameters {
  readonly age: AgeLimits;
  readonly insurance: Sourced<InsuranceRequirement>;
  readonly excludedBenefits: Sourced<readonly ExcludedBenefit[]>;
  /** VAT included. */
  readonly maxAmountPerApplicationCents: Sourced<number>;
  readonly grantsPerCalendarYear: Sourced<number>;
  readonly earliestStartWeeksAfterApplication: Sourced<number>;
  readonly latestStartMonthsAfterTijdvakCloses: Sourced<number>;
  /** Grants per training per calendar year; null while no limit applies. */
  readonly trainingGrantLimitPerYear: Sourced<number | null>;
  /** Share of each tijdvak's ceiling reserved for applications at a UWV office, in basis points. */
  readonly counterReserveBasisPoints: Sourced<number>;
  /** Hours before a tijdvak closes from which its unused counter reserve may be used online; null: never released. */
  readonly counterReserveReleaseHoursBeforeClosing: Sourced<number | null>;
  readonly rolloverOfUnusedBudget: Sourced<boolean>;
  readonly openingTime: Sourced<string>;
  readonly advanceInvoiceFromWeeksBeforeStart: Sourced<number>;
  readonly proofOfParticipationWithinMonthsAfterEnd: Sourced<number>;
  readonly completion: Sourced<CompletionCriteria>;
  readonly maxExclusionYears: Sourced<number>;
  readonly recognitionRoutes: Sourced<readonly RecognitionRoute[]>;
  readonly trainingAbroadAllowed: Sourced<boolean>;
  /** Whether a granted application that is withdrawn still counts as the person's grant of that calendar year. */
  readonly withdrawnGrantCountsForTheYear: Sourced<boolean>;
}

export interface OntwikkeladviesParameters {
  readonly age: AgeLimits;
  readonly pricePerTrajectoryCents: Sourced<number>;
  readonly trajectoriesPerPersonPerTranche: Sourced<number>;
  /** Registrations per adviser per Amsterdam calendar day; null while no limit applies. */
  readonly adviserDailyRegistrationLimit: Sourced<number | null>;
  readonly registrationBeforeStart: Sourced<boolean>;
  readonly claimOnlyAfterCompletion: Sourced<boolean>;
  readonly bundledSubmissionAllowed: Sourced<boolean>;
  /** Highest prior education of the target group; null when open to every level. */
  readonly maxEducationLevel: Sourced<'MBO_2' | null>;
}

export interface NlldScholingParameters {
  readonly participantAge: AgeLimits;
  readonly categoryContributions: Sourced<Readonly<Record<ScholingCategory, CentsRange>>>;
  readonly offerRequirements: Sourced<readonly string[]>;
}

export interface FiscaleScholingsaftrekParameters {
  readonly thresholdCents: Sourced<number>;
  readonly maximumCents: Sourced<number>;
}

export interface SlimParameters {
  readonly applicantGroups: Sourced<readonly ApplicantType[]>;
}

export interface MaatwerkSectorenParameters {
  readonly coFinancingRequired: Sourced<boolean>;
  readonly expectedParticipants: Sourced<number>;
}

export interface IntersectoraleOmscholingParameters {
  readonly subsidySharePercent: Sourced<number>;
  readonly targetPlaces: Sourced<number>;
}

export interface PraktijklerenMboParameters {
  readonly maxTrainingMonths: Sourced<number>;
  readonly employerMaxWeeks: Sourced<number>;
  readonly employerMaxCents: Sourced<number>;
}

export interface ParametersByCode {
  STAP: StapParameters;
  STAP_ONTWIKKELADVIES: OntwikkeladviesParameters;
  NLLD_ONTWIKKELADVIES: OntwikkeladviesParameters;
  NLLD_SCHOLING: NlldScholingParameters;
  TSOV_45PLUS: OntwikkeladviesParameters;
  FISCALE_SCHOLINGSAFTREK: FiscaleScholingsaftrekParameters;
  SLIM: SlimParameters;
  MAATWERK_SECTOREN: MaatwerkSectorenParameters;
  INTERSECTORALE_OMSCHOLING: IntersectoraleOmscholingParameters;
  PRAKTIJKLEREN_MBO: PraktijklerenMboParameters;
}

export interface RegelingVersion<C extends RegelingCode> {
  /** `<CODE>/<year>.<n>`, e.g. `STAP/2023.1`. */
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  /** Inclusive. */
  readonly effectiveUntil: IsoDate;
  /** What changed in this version and where that change comes from. */
  readonly change: Sourced<string>;
  readonly parameters: ParametersByCode[C];
}

export interface Tijdvak {
  readonly id: TijdvakId;
  readonly regeling: RegelingCode;
  readonly label: string;
  /** First moment an application or registration is accepted (Europe/Amsterdam). */
  readonly opensAt: Sourced<AmsterdamDateTime>;
  /** Set when the opening was postponed; the start-date window is then counted from this date. */
  readonly plannedOpensAt?: Sourced<AmsterdamDateTime>;
  /** First moment no application is accepted any more (exclusive). */
  readonly closesAt: Sourced<AmsterdamDateTime>;
  readonly budgetCeilingCents?: Sourced<number>;
  readonly countCap?: Sourced<number>;
  readonly applicantTypes?: Sourced<readonly ApplicantType[]>;
  readonly maxAmountPerApplicationCents?: Sourced<number>;
  /** Claims must be received before this moment (exclusive). */
  readonly claimDeadline?: Sourced<AmsterdamDateTime>;
}

export interface Regeling<C extends RegelingCode = RegelingCode> {
  readonly code: C;
  readonly name: string;
  readonly scope: RegelingScope;
  readonly legalPeriod: Sourced<LegalPeriod>;
  readonly executor: Sourced<Executor>;
  readonly targetGroup: Sourced<string>;
  readonly applicants: Sourced<readonly ApplicantType[]>;
  readonly processingOrder?: Sourced<ProcessingOrder>;
  readonly budgetLines: readonly BudgetLine[];
  readonly versions: readonly RegelingVersion<C>[];
  readonly tijdvakken: readonly Tijdvak[];
}

export type AnyRegeling = { [C in RegelingCode]: Regeling<C> }[RegelingCode];
