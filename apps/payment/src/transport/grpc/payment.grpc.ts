// gRPC edge of the payment service for finance staff (employee login with scopes), payees (organisation login,
// their own orders only) and partner agencies (read with scope). Every call is recorded in the audit log: who,
// what, which object, and the outcome (DESIGN.md §4: reads by partners are recorded). Business rules live in
// application/ and domain/.
import { createHash } from 'node:crypto';
import { status as GrpcStatus, type ServerWritableStream } from '@grpc/grpc-js';
import { ApplicationError, forbidden, invalid, notFoundError } from '@stap/platform/errors';
import { fromApplicationError, GrpcError, hasScope, unary, type CallContext, type HandlerKit, type Identity } from '@stap/platform/grpc';
import {
  PaymentServiceService,
  RecoveryMethod,
  ReportBasis,
  type ConfirmPaymentBatchRequest,
  type CreatePaymentBatchRequest,
  type DecideSettlementRequest,
  type ExportPaymentBatchRequest,
  type ExportPaymentBatchResponse,
  type GetAccountBalancesRequest,
  type GetBudgetReportRequest,
  type GetInvoiceRequest,
  type GetPaymentBatchRequest,
  type GetPurchaseOrderRequest,
  type GetRecoveryOrderRequest,
  type GetSettlementRequest,
  type ListJournalEntriesRequest,
  type ListPaymentsRequest,
  type ListPurchaseOrdersRequest,
  type ListRecoveryOrdersRequest,
  type RecordRecoveryReceiptRequest,
  type SubmitInvoiceRequest,
} from '@stap/contracts/stap/payments/v1/payments';
import { regelingCodeToJSON } from '@stap/contracts/stap/common/v1/common';
import { amsterdamDateOf } from '@stap/regelingen';
import { budgetReport } from '../../application/budget-report';
import { accountBalances } from '../../application/account-balances';
import { confirmPaymentBatch } from '../../application/confirm-payment-batch';
import { createPaymentBatch } from '../../application/create-payment-batch';
import { exportPaymentBatch } from '../../application/export-payment-batch';
import { recordRecoveryReceipt } from '../../application/record-recovery-receipt';
import { settlePurchaseOrder } from '../../application/settle-purchase-order';
import { submitInvoice } from '../../application/submit-invoice';
import type { Pain001Debtor } from '../../domain/pain001';
import { regelingFromProto } from '../../domain/purchase-order';
import type { BankAccountDirectory } from '../../infrastructure/bank/bank-account-directory';
import { isoFromDateMessage } from '../../infrastructure/messaging/proto-mapping';
import type { PrismaClient, PurchaseOrderRow } from '../../infrastructure/prisma/client';
import { toBudgetReport, toBalances } from './report-mappers';
import { toInvoice, toPaymentBatch, toPurchaseOrder, toRecoveryOrder, toSettlement } from './mappers';
import { listJournalEntries, listPayments, listPurchaseOrders, listRecoveryOrders } from './list.grpc';
import { isUuid } from '@stap/platform/ids';

export const SCOPES = { read: 'payments:read', settle: 'payments:settle', batch: 'payments:batch', reports: 'payments:reports' } as const;

export interface PaymentGrpcDeps {
  prisma: PrismaClient;
  directory: BankAccountDirectory;
  debtor: Pain001Debtor;
}

const EXPORT_CHUNK_BYTES = 64 * 1024;

function requireScope(identity: Identity, scope: string): void {
  if (!hasScope(identity, scope)) throw forbidden(`scope ${scope} is required`);
}

function uuid(value: string, field: string): string {
  if (!isUuid(value)) throw invalid([{ field, description: 'must be a UUID' }]);
  return value;
}

function cents(amount: { amountCents: string; currency: string } | undefined): { amountCents: number; currency: string } {
  const value = Number(amount?.amountCents ?? 'NaN');
  return { amountCents: Number.isSafeInteger(value) ? value : NaN, currency: amount?.currency ?? '' };
}

export function paymentService(kit: HandlerKit, deps: PaymentGrpcDeps) {
  const { prisma } = deps;

  /** The payee an organisation login acts for (by its KVK number), or undefined for staff and partners. */
  async function payeeOf(identity: Identity): Promise<string | undefined> {
    if (identity.kind !== 'provider' && identity.kind !== 'adviser') return undefined;
    const payee = identity.kvkNumber ? await prisma.payee.findFirst({ where: { kvkNumber: identity.kvkNumber } }) : null;
    if (!payee) throw forbidden('your organisation is not a known payee');
    return payee.id;
  }

  /** Readers: staff and partners with payments:read, or the payee itself. */
  async function assertMayRead(identity: Identity, payeeId: string): Promise<void> {
    if (hasScope(identity, SCOPES.read)) return;
    if ((await payeeOf(identity)) !== payeeId) throw notFoundError('no such object for you');
  }

  async function audit(ctx: CallContext, target: string, outcome: string): Promise<void> {
    const action = ctx.method.split('/').pop() ?? ctx.method;
    await prisma.auditEntry.create({ data: { subject: ctx.identity.subject, kind: ctx.identity.kind, action, target, outcome } });
  }

  /** Runs a handler and records the call with its target and outcome, also when it was refused. */
  function audited<Req, Res>(target: (request: Req) => string, handler: (request: Req, ctx: CallContext) => Promise<Res>) {
    return unary<Req, Res>(kit, async (request, ctx) => {
      try {
        const response = await handler(request, ctx);
        await audit(ctx, target(request), 'OK');
        return response;
      } catch (error) {
        await audit(ctx, target(request), error instanceof ApplicationError ? error.kind : 'error').catch(() => undefined);
        throw error;
      }
    });
  }

  async function purchaseOrderBy(request: GetPurchaseOrderRequest): Promise<PurchaseOrderRow> {
    const key = request.identifier;
    let order: PurchaseOrderRow | null = null;
    if (key?.$case === 'purchaseOrderId') order = await prisma.purchaseOrder.findUnique({ where: { id: uuid(key.value, 'purchase_order_id') } });
    else if (key?.$case === 'number') order = await prisma.purchaseOrder.findUnique({ where: { number: key.value } });
    else if (key?.$case === 'source') {
      const source = key.value.source;
      if (!source) throw invalid([{ field: 'source', description: 'one of application_id, scholing_application_id, claim_id is required' }]);
      const kind = source.$case === 'applicationId' ? 'APPLICATION' : source.$case === 'claimId' ? 'CLAIM' : 'SCHOLING_APPLICATION';
      order = await prisma.purchaseOrder.findUnique({ where: { sourceKind_sourceId: { sourceKind: kind, sourceId: source.value } } });
    } else throw invalid([{ field: 'identifier', description: 'purchase_order_id, number or source is required' }]);
    if (!order) throw notFoundError('no purchase order with that identifier');
    return order;
  }

  const idOf = (request: GetPurchaseOrderRequest) => {
    const key = request.identifier;
    if (key?.$case === 'source') return `source:${key.value.source?.value ?? ''}`;
    return key ? String(key.value) : '';
  };

  return {
    name: 'stap.payments.v1.PaymentService',
    definition: PaymentServiceService,
    implementation: {
      getPurchaseOrder: audited(idOf, async (request: GetPurchaseOrderRequest, ctx) => {
        const order = await purchaseOrderBy(request);
        await assertMayRead(ctx.identity, order.payeeId);
        return toPurchaseOrder(order);
      }),

      listPurchaseOrders: audited(
        (r: ListPurchaseOrdersRequest) => r.tijdvak?.tijdvakId ?? '*',
        (request: ListPurchaseOrdersRequest, ctx) => listPurchaseOrders({ prisma, payeeOf }, ctx.identity, request),
      ),

      listRecoveryOrders: audited(
        (r: ListRecoveryOrdersRequest) => r.tijdvak?.tijdvakId ?? '*',
        (request: ListRecoveryOrdersRequest, ctx) => listRecoveryOrders({ prisma, payeeOf }, ctx.identity, request),
      ),

      listPayments: audited(
        (r: ListPaymentsRequest) => r.scope?.value ?? '',
        (request: ListPaymentsRequest, ctx) => listPayments({ prisma, payeeOf }, ctx.identity, request),
      ),

      listJournalEntries: audited(
        (r: ListJournalEntriesRequest) => r.causeId || r.tijdvak?.tijdvakId || '*',
        (request: ListJournalEntriesRequest, ctx) => listJournalEntries({ prisma, payeeOf }, ctx.identity, request),
      ),

      submitInvoice: audited(
        (r: SubmitInvoiceRequest) => r.purchaseOrderId,
        async (request: SubmitInvoiceRequest, ctx) => {
          const payeeId = await payeeOf(ctx.identity);
          if (payeeId === undefined) throw forbidden('only the provider named on the purchase order submits invoices');
          const invoice = await submitInvoice(
            prisma,
            {
              purchaseOrderId: request.purchaseOrderId,
              invoiceNumber: request.invoiceNumber,
              invoiceDate: isoFromDateMessage(request.invoiceDate) ?? '',
              kind: request.kind === 2 ? 'BALANCE' : 'ADVANCE',
              ...cents(request.amount),
            },
            { subject: ctx.identity.subject, payeeId },
          );
          return toInvoice(invoice, await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: invoice.purchaseOrderId } }));
        },
      ),

      getInvoice: audited(
        (r: GetInvoiceRequest) => r.invoiceId,
        async (request: GetInvoiceRequest, ctx) => {
          const invoice = await prisma.invoice.findUnique({ where: { id: uuid(request.invoiceId, 'invoice_id') } });
          if (!invoice) throw notFoundError('no invoice with that id');
          await assertMayRead(ctx.identity, invoice.providerId);
          return toInvoice(invoice, await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: invoice.purchaseOrderId } }));
        },
      ),

      decideSettlement: audited(
        (r: DecideSettlementRequest) => r.purchaseOrderId,
        async (request: DecideSettlementRequest, ctx) => {
          requireScope(ctx.identity, SCOPES.settle);
          const violations = [];
          if (!request.decision?.reference?.trim()) violations.push({ field: 'decision.reference', description: 'is required' });
          if (!request.decision?.reason?.trim()) violations.push({ field: 'decision.reason', description: 'is required' });
          const amount = cents(request.settledAmount);
          if (amount.currency !== 'EUR') violations.push({ field: 'settled_amount.currency', description: 'must be EUR' });
          if (violations.length > 0) throw invalid(violations);
          const id = uuid(request.purchaseOrderId, 'purchase_order_id');
          const settlement = await prisma.$transaction(async (tx) => {
            const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM purchase_order WHERE id = ${id}::uuid FOR UPDATE`;
            if (!locked) throw notFoundError('no purchase order with that id');
            const order = await tx.purchaseOrder.findUniqueOrThrow({ where: { id } });
            if (request.expectedVersion !== '0' && request.expectedVersion !== order.version.toString()) {
              throw new ApplicationError('precondition', 'the purchase order changed since you read it', [], 'VERSION_MISMATCH');
            }
            return settlePurchaseOrder(tx, order, {
              settledCents: amount.amountCents,
              illnessAccepted: request.illnessAccepted,
              personAtFault: request.personAtFault,
              decisionReference: request.decision?.reference.trim() ?? '',
              decisionReason: request.decision?.reason.trim() ?? '',
              recoveryMethod:
                request.recoveryMethod === RecoveryMethod.RECOVERY_METHOD_OFFSETTING ? 'OFFSETTING'
                : request.recoveryMethod === RecoveryMethod.RECOVERY_METHOD_PAYMENT_REQUEST ? 'PAYMENT_REQUEST'
                : undefined,
              decidedBy: ctx.identity.subject,
              decidedOn: amsterdamDateOf(new Date()),
            });
          });
          return toSettlement(settlement, await prisma.purchaseOrder.findUniqueOrThrow({ where: { id } }));
        },
      ),

      getSettlement: audited(
        (r: GetSettlementRequest) => r.purchaseOrderId,
        async (request: GetSettlementRequest, ctx) => {
          const id = uuid(request.purchaseOrderId, 'purchase_order_id');
          const settlement = await prisma.settlement.findUnique({ where: { purchaseOrderId: id } });
          if (!settlement) throw notFoundError('no settlement for that purchase order yet');
          const order = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id } });
          await assertMayRead(ctx.identity, order.payeeId);
          return toSettlement(settlement, order);
        },
      ),

      getRecoveryOrder: audited(
        (r: GetRecoveryOrderRequest) => r.recoveryOrderId,
        async (request: GetRecoveryOrderRequest, ctx) => {
          const recovery = await prisma.recoveryOrder.findUnique({ where: { id: uuid(request.recoveryOrderId, 'recovery_order_id') } });
          if (!recovery) throw notFoundError('no recovery order with that id');
          await assertMayRead(ctx.identity, recovery.debtorId);
          return toRecoveryOrder(recovery);
        },
      ),

      recordRecoveryReceipt: audited(
        (r: RecordRecoveryReceiptRequest) => r.recoveryOrderId,
        async (request: RecordRecoveryReceiptRequest, ctx) => {
          requireScope(ctx.identity, SCOPES.batch);
          const recovery = await recordRecoveryReceipt(prisma, {
            recoveryOrderId: request.recoveryOrderId,
            ...cents(request.amount),
            receivedOn: isoFromDateMessage(request.receivedOn) ?? '',
            bankReference: request.bankReference,
          });
          return toRecoveryOrder(recovery);
        },
      ),

      getAccountBalances: audited(
        (r: GetAccountBalancesRequest) => r.tijdvak?.tijdvakId ?? '',
        async (request: GetAccountBalancesRequest, ctx) => {
          requireScope(ctx.identity, SCOPES.reports);
          const tijdvakId = request.tijdvak?.tijdvakId ?? '';
          if (!tijdvakId) throw invalid([{ field: 'tijdvak.tijdvak_id', description: 'is required' }]);
          const balances = await accountBalances(prisma, tijdvakId, isoFromDateMessage(request.asOf));
          return { balances: toBalances(balances) };
        },
      ),

      createPaymentBatch: audited(
        (r: CreatePaymentBatchRequest) => isoFromDateMessage(r.executionDate) ?? '',
        async (request: CreatePaymentBatchRequest, ctx) => {
          requireScope(ctx.identity, SCOPES.batch);
          const regelingen = request.regelingCodes.map((code) => regelingFromProto(regelingCodeToJSON(code)) ?? 'UNSPECIFIED');
          const { batch } = await createPaymentBatch(prisma, deps.directory, {
            executionDate: isoFromDateMessage(request.executionDate) ?? '',
            regelingen,
            createdBy: ctx.identity.subject,
          });
          return toPaymentBatch(batch);
        },
      ),

      getPaymentBatch: audited(
        (r: GetPaymentBatchRequest) => r.paymentBatchId,
        async (request: GetPaymentBatchRequest, ctx) => {
          requireScope(ctx.identity, SCOPES.batch);
          const batch = await prisma.paymentBatch.findUnique({ where: { id: uuid(request.paymentBatchId, 'payment_batch_id') } });
          if (!batch) throw notFoundError('no payment batch with that id');
          return toPaymentBatch(batch);
        },
      ),

      exportPaymentBatch: (call: ServerWritableStream<ExportPaymentBatchRequest, ExportPaymentBatchResponse>) => {
        void streamExport(call);
      },

      confirmPaymentBatch: audited(
        (r: ConfirmPaymentBatchRequest) => r.paymentBatchId,
        async (request: ConfirmPaymentBatchRequest, ctx) => {
          requireScope(ctx.identity, SCOPES.batch);
          return toPaymentBatch(await confirmPaymentBatch(prisma, request.paymentBatchId, isoFromDateMessage(request.executedOn) ?? ''));
        },
      ),

      getBudgetReport: audited(
        (r: GetBudgetReportRequest) => r.tijdvak?.tijdvakId ?? '',
        async (request: GetBudgetReportRequest, ctx) => {
          requireScope(ctx.identity, SCOPES.reports);
          const tijdvakId = request.tijdvak?.tijdvakId ?? '';
          const violations = [];
          if (!tijdvakId) violations.push({ field: 'tijdvak.tijdvak_id', description: 'is required' });
          if (request.basis !== ReportBasis.REPORT_BASIS_OPENING && request.basis !== ReportBasis.REPORT_BASIS_CASH) {
            violations.push({ field: 'basis', description: 'must be OPENING or CASH' });
          }
          if (violations.length > 0) throw invalid(violations);
          const basis = request.basis === ReportBasis.REPORT_BASIS_CASH ? 'CASH' : 'OPENING';
          const lines = await budgetReport(prisma, { basis, tijdvakId });
          return toBudgetReport(request.tijdvak, request.basis, lines);
        },
      ),
    },
  };

  /** Server-streaming export: authenticate, check the scope, then the document in chunks; SHA-256 on the last. */
  async function streamExport(call: ServerWritableStream<ExportPaymentBatchRequest, ExportPaymentBatchResponse>): Promise<void> {
    const method = call.getPath();
    let identity: Identity | undefined;
    try {
      identity = await kit.authenticate(call.metadata, method);
      requireScope(identity, SCOPES.batch);
      const exported = await exportPaymentBatch(prisma, call.request.paymentBatchId, deps.debtor);
      const bytes = Buffer.from(exported.xml, 'utf8');
      for (let offset = 0; offset < bytes.length; offset += EXPORT_CHUNK_BYTES) {
        const last = offset + EXPORT_CHUNK_BYTES >= bytes.length;
        call.write({ data: bytes.subarray(offset, offset + EXPORT_CHUNK_BYTES), sha256: last ? createHash('sha256').update(bytes).digest('hex') : '' });
      }
      await prisma.auditEntry.create({ data: { subject: identity.subject, kind: identity.kind, action: 'ExportPaymentBatch', target: call.request.paymentBatchId, outcome: 'OK' } });
      call.end();
    } catch (error) {
      const grpcError =
        error instanceof GrpcError ? error
        : error instanceof ApplicationError ? fromApplicationError(error)
        : new GrpcError(GrpcStatus.INTERNAL, 'internal error');
      if (!(error instanceof GrpcError) && !(error instanceof ApplicationError)) kit.logger.error({ err: error, method }, 'export failed');
      call.emit('error', grpcError.toServiceError());
    }
  }
}
