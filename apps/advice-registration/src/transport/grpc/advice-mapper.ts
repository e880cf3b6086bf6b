// Stored rows and report views → the contract's messages (proto/stap/advice/v1/advice.proto).
import {
  ClaimStatus,
  MonitorDimension,
  TrajectoryStatus,
  type AdviceTrajectory,
  type Claim,
  type MonitorReport,
  type TrancheReconciliation,
} from '@stap/contracts/stap/advice/v1/advice';
import { RegelingCode, type TijdvakRef } from '@stap/contracts/stap/common/v1/common';
import type { ClaimView } from '../../application/claims';
import type { MonitorReportView, Reconciliation } from '../../application/reports';
import { profileValue } from '../../domain/profile';
import { dateMessage, money, rejectionReasonValue, tijdvakRef } from '../../infrastructure/messaging/advice-events';
import type { TrajectoryRow } from '../../infrastructure/prisma/client';
import { isoDateOf } from '../../application/context';

/** The regeling code of a TijdvakRef as libs/regelingen names it; '' when unspecified. */
export function regelingOf(ref: TijdvakRef | undefined): string {
  const name = ref ? RegelingCode[ref.regelingCode] : undefined;
  return typeof name === 'string' && name !== 'REGELING_CODE_UNSPECIFIED' && name !== 'UNRECOGNIZED' ? name.replace(/^REGELING_CODE_/, '') : '';
}

export const isoOf = (date: { year: number; month: number; day: number } | undefined): string =>
  date ? `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : '';

const trajectoryStatus = (status: string): TrajectoryStatus =>
  (TrajectoryStatus as unknown as Record<string, number>)[`TRAJECTORY_STATUS_${status}`] ?? TrajectoryStatus.TRAJECTORY_STATUS_UNSPECIFIED;

export function toTrajectoryMessage(row: TrajectoryRow): AdviceTrajectory {
  return {
    id: row.id,
    tijdvak: tijdvakRef(row.regeling, row.tijdvakId),
    adviserOrganisationId: row.adviserOrganisationId,
    careerAdviserId: row.careerAdviserId,
    participantBsn: { value: row.participantBsn },
    participantAge: row.participantAge,
    profile: {
      educationLevel: profileValue('educationLevel', row.educationLevel),
      sector: profileValue('sector', row.sector),
      employmentStatus: profileValue('employmentStatus', row.employmentStatus),
    },
    plannedStartDate: dateMessage(isoDateOf(row.plannedStartDate)),
    status: trajectoryStatus(row.status),
    price: money(row.priceCents),
    completion: row.completedOn
      ? {
          completedOn: dateMessage(isoDateOf(row.completedOn)),
          labourMarketScanDone: row.labourMarketScanDone ?? false,
          developmentPlanDelivered: row.developmentPlanDelivered ?? false,
          nextStep: profileValue('nextStep', row.nextStep),
        }
      : undefined,
    claimId: row.claimId ?? '',
    registeredAt: row.registeredAt.toISOString(),
    version: String(row.version),
  };
}

export function isClaimPaid(view: ClaimView): boolean {
  return view.claim.acceptedCents > 0n && view.paidCents >= view.claim.acceptedCents;
}

export function toClaimMessage(view: ClaimView): Claim {
  const { claim, lines } = view;
  return {
    id: claim.id,
    tijdvak: tijdvakRef(claim.regeling, claim.tijdvakId),
    adviserOrganisationId: claim.adviserOrganisationId,
    lines: lines.map((line) => ({
      trajectoryId: line.trajectoryId,
      accepted: line.accepted,
      amount: money(line.amountCents),
      rejectionReason: rejectionReasonValue(line.rejectionReason),
    })),
    requestedAmount: money(claim.requestedCents),
    acceptedAmount: money(claim.acceptedCents),
    status: isClaimPaid(view) ? ClaimStatus.CLAIM_STATUS_PAID : ClaimStatus.CLAIM_STATUS_ASSESSED,
    receiptSequence: String(claim.receiptSequence),
    submittedAt: claim.submittedAt.toISOString(),
    assessedAt: claim.submittedAt.toISOString(),
  };
}

export function toReconciliationMessage(report: Reconciliation): TrancheReconciliation {
  const f = report.figures;
  return {
    tijdvak: tijdvakRef(report.regeling, report.tijdvakId),
    registrationCap: String(report.registrationCap ?? 0),
    budget: report.budgetCents === null ? undefined : money(report.budgetCents),
    price: money(report.priceCents),
    registeredCount: String(f.registered),
    cancelledCount: String(f.cancelled),
    completedCount: String(f.completed),
    claimedCount: String(f.claimLines),
    acceptedCount: String(f.acceptedLines),
    paidCount: String(f.paidLines),
    registeredValue: money(f.registeredValueCents),
    financedAmount: money(report.financedCents),
    paidAmount: money(f.paidCents),
    unpaidAmount: money(report.unpaidCents),
    computedAt: report.computedAt.toISOString(),
  };
}

export function dimensionName(dimension: MonitorDimension): string {
  const name = MonitorDimension[dimension];
  return typeof name === 'string' ? name.replace(/^MONITOR_DIMENSION_/, '') : '';
}

export function toMonitorMessage(report: MonitorReportView): MonitorReport {
  return {
    tijdvak: tijdvakRef(report.regeling, report.tijdvakId),
    dimension: (MonitorDimension as unknown as Record<string, number>)[`MONITOR_DIMENSION_${report.dimension}`] ?? 0,
    rows: report.rows.map((row) => ({ category: row.category, registeredCount: String(row.registered), completedCount: String(row.completed), suppressed: row.suppressed })),
    suppressionThreshold: report.threshold,
    generatedAt: report.generatedAt.toISOString(),
  };
}
