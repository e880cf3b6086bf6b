// The list RPCs of PaymentService: filters decoded from the request, an organisation login forced to its own
// objects, paged with readPage/pageResponse.
import { forbidden, invalid } from '@stap/platform/errors';
import { hasScope, type Identity } from '@stap/platform/grpc';
import {
  LedgerAccountType,
  PaymentStatus,
  PostingSide,
  ledgerAccountTypeToJSON,
  purchaseOrderStatusToJSON,
  recoveryOrderStatusToJSON,
  type JournalEntry,
  type ListJournalEntriesRequest,
  type ListJournalEntriesResponse,
  type ListPaymentsRequest,
  type ListPaymentsResponse,
  type ListPurchaseOrdersRequest,
  type ListPurchaseOrdersResponse,
  type ListRecoveryOrdersRequest,
  type ListRecoveryOrdersResponse,
  type Payee,
} from '@stap/contracts/stap/payments/v1/payments';
import { isUuid } from '../../domain/identifiers';
import { dateMessage, isoFromDateMessage, money, payeeKindOf, payeeMessage, tijdvakRef } from '../../infrastructure/messaging/proto-mapping';
import type { Prisma, PrismaClient, PaymentRow } from '../../infrastructure/prisma/client';
import { toPurchaseOrder, toRecoveryOrder } from './mappers';
import { pageResponse, readPage } from '@stap/platform/grpc';

export interface ListDeps {
  prisma: PrismaClient;
  /** The payee an organisation login acts for; undefined for staff and partners. */
  payeeOf(identity: Identity): Promise<string | undefined>;
}

const stripPrefix = (name: string, prefix: string) => name.replace(prefix, '');

/** The payee filter a caller may use: its own when it is an organisation, otherwise what it asked for. */
async function payeeFilter(deps: ListDeps, identity: Identity, requested: Payee | undefined, scope: string): Promise<string | undefined> {
  const own = await deps.payeeOf(identity);
  if (own !== undefined) return own;
  if (!hasScope(identity, scope)) throw forbidden(`scope ${scope} is required`);
  return payeeKindOf(requested)?.id;
}

export async function listPurchaseOrders(deps: ListDeps, identity: Identity, request: ListPurchaseOrdersRequest): Promise<ListPurchaseOrdersResponse> {
  const payeeId = await payeeFilter(deps, identity, request.payee, 'payments:read');
  const where: Prisma.PurchaseOrderWhereInput = {
    ...(payeeId ? { payeeId } : {}),
    ...(request.tijdvak?.tijdvakId ? { tijdvakId: request.tijdvak.tijdvakId } : {}),
    ...(request.statuses.length > 0 ? { status: { in: request.statuses.map((s) => stripPrefix(purchaseOrderStatusToJSON(s), 'PURCHASE_ORDER_STATUS_')) } } : {}),
  };
  const page = readPage(request.page, where);
  const [rows, total] = await Promise.all([
    deps.prisma.purchaseOrder.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
    deps.prisma.purchaseOrder.count({ where }),
  ]);
  return { purchaseOrders: rows.map(toPurchaseOrder), page: pageResponse(page, rows.length, total) };
}

export async function listRecoveryOrders(deps: ListDeps, identity: Identity, request: ListRecoveryOrdersRequest): Promise<ListRecoveryOrdersResponse> {
  const debtorId = await payeeFilter(deps, identity, request.debtor, 'payments:read');
  const where: Prisma.RecoveryOrderWhereInput = {
    ...(debtorId ? { debtorId } : {}),
    ...(request.tijdvak?.tijdvakId ? { tijdvakId: request.tijdvak.tijdvakId } : {}),
    ...(request.statuses.length > 0 ? { status: { in: request.statuses.map((s) => stripPrefix(recoveryOrderStatusToJSON(s), 'RECOVERY_ORDER_STATUS_')) } } : {}),
  };
  const page = readPage(request.page, where);
  const [rows, total] = await Promise.all([
    deps.prisma.recoveryOrder.findMany({ where, orderBy: [{ status: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
    deps.prisma.recoveryOrder.count({ where }),
  ]);
  return { recoveryOrders: rows.map(toRecoveryOrder), page: pageResponse(page, rows.length, total) };
}

const PAYMENT_STATUS: Record<string, PaymentStatus> = {
  SCHEDULED: PaymentStatus.PAYMENT_STATUS_SCHEDULED,
  PAID: PaymentStatus.PAYMENT_STATUS_PAID,
  RETURNED: PaymentStatus.PAYMENT_STATUS_RETURNED,
};

function toPayment(row: PaymentRow) {
  return {
    id: row.id,
    paymentBatchId: row.batchId ?? '',
    purchaseOrderId: row.purchaseOrderId,
    tijdvak: tijdvakRef(row.regeling, row.tijdvakId),
    payee: payeeMessage(row.payeeKind, row.payeeId),
    accountReference: row.accountReference ?? '',
    ibanLast4: row.iban ? row.iban.slice(-4) : '',
    amount: money(row.grossCents - row.offsetCents),
    offsetAmount: money(row.offsetCents),
    endToEndId: row.endToEndId ?? '',
    remittanceInformation: row.remittance,
    // A payment not yet in a batch has no status in the contract (it is payable): UNSPECIFIED.
    status: PAYMENT_STATUS[row.status] ?? PaymentStatus.PAYMENT_STATUS_UNSPECIFIED,
  };
}

export async function listPayments(deps: ListDeps, identity: Identity, request: ListPaymentsRequest): Promise<ListPaymentsResponse> {
  const scope = request.scope;
  if (!scope || !isUuid(scope.value)) {
    throw invalid([{ field: scope?.$case === 'purchaseOrderId' ? 'purchase_order_id' : 'payment_batch_id', description: 'must be a UUID' }]);
  }
  const own = await deps.payeeOf(identity);
  if (own === undefined && !hasScope(identity, 'payments:read')) throw forbidden('scope payments:read is required');
  const where: Prisma.PaymentWhereInput = {
    ...(scope.$case === 'paymentBatchId' ? { batchId: scope.value } : { purchaseOrderId: scope.value }),
    ...(own ? { payeeId: own } : {}),
  };
  const page = readPage(request.page, where);
  const [rows, total] = await Promise.all([
    deps.prisma.payment.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
    deps.prisma.payment.count({ where }),
  ]);
  return { payments: rows.map(toPayment), page: pageResponse(page, rows.length, total) };
}

export async function listJournalEntries(deps: ListDeps, identity: Identity, request: ListJournalEntriesRequest): Promise<ListJournalEntriesResponse> {
  if (!hasScope(identity, 'payments:reports')) throw forbidden('scope payments:reports is required');
  const from = isoFromDateMessage(request.valueDates?.start);
  const to = isoFromDateMessage(request.valueDates?.end);
  if (request.valueDates && !from) throw invalid([{ field: 'value_dates.start', description: 'must be a date' }]);
  const account = request.accountType === LedgerAccountType.LEDGER_ACCOUNT_TYPE_UNSPECIFIED ? undefined : stripPrefix(ledgerAccountTypeToJSON(request.accountType), 'LEDGER_ACCOUNT_TYPE_');
  const postingFilter: Prisma.LedgerPostingWhereInput = {
    ...(request.tijdvak?.tijdvakId ? { tijdvakId: request.tijdvak.tijdvakId } : {}),
    ...(account ? { account } : {}),
  };
  const where: Prisma.JournalEntryWhereInput = {
    ...(Object.keys(postingFilter).length > 0 ? { postings: { some: postingFilter } } : {}),
    ...(request.causeId ? { causeId: request.causeId } : {}),
    ...(from ? { valueDate: { gte: new Date(`${from}T00:00:00Z`), ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}) } } : {}),
  };
  const page = readPage(request.page, where);
  const [rows, total] = await Promise.all([
    deps.prisma.journalEntry.findMany({ where, include: { postings: true }, orderBy: { sequence: 'asc' }, skip: page.skip, take: page.take }),
    deps.prisma.journalEntry.count({ where }),
  ]);
  const entries: JournalEntry[] = rows.map((row) => ({
    id: row.id,
    sequence: row.sequence.toString(),
    cause: row.cause,
    causeId: row.causeId,
    postings: row.postings.map((posting) => ({
      account: {
        tijdvak: tijdvakRef(posting.regeling, posting.tijdvakId),
        type: LedgerAccountType[`LEDGER_ACCOUNT_TYPE_${posting.account}` as keyof typeof LedgerAccountType],
      },
      side: posting.side === 'DEBIT' ? PostingSide.POSTING_SIDE_DEBIT : PostingSide.POSTING_SIDE_CREDIT,
      amount: money(posting.amountCents),
    })),
    valueDate: dateMessage(row.valueDate.toISOString().slice(0, 10)),
    bookedAt: row.bookedAt.toISOString(),
  }));
  return { entries, page: pageResponse(page, rows.length, total) };
}
