// Purchase orders (verplichtingen) and invoices against them. Source: DOMAIN.md §2.1 "After the grant": the executor
// sends a purchase order; the provider may invoice the advance (voorschot) from 3 weeks before the start; payment
// goes to the provider, never to the person. The number of weeks is a regeling parameter (libs/regelingen).
import type { Violation } from '@stap/platform/errors';
import { addDays, compareDates, parametersOn, type RegelingCode } from '@stap/regelingen';
import { isCalendarDate } from './identifiers';

export type SourceKind = 'APPLICATION' | 'SCHOLING_APPLICATION' | 'CLAIM';
export type PayeeKind = 'PROVIDER' | 'ADVISER_ORGANISATION';
export type PurchaseOrderStatus = 'OPEN' | 'INVOICED' | 'SETTLED' | 'IN_RECOVERY' | 'CLOSED' | 'CANCELLED';

const NUMBER_PREFIX: Record<SourceKind, string> = { APPLICATION: 'PO', SCHOLING_APPLICATION: 'POS', CLAIM: 'POA' };

/** Human-readable, deterministic per source so a redelivered grant can never mint a second number. */
export function purchaseOrderNumber(kind: SourceKind, tijdvakId: string, id: string): string {
  return `${NUMBER_PREFIX[kind]}-${tijdvakId}-${id.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}

/**
 * First day the advance may be invoiced: N weeks before the training start, N from the STAP version in force on the
 * start date (DOMAIN.md §2.1 [pub] "the provider may invoice the advance (voorschot) from 3 weeks before the start").
 */
export function advanceInvoiceableFrom(trainingStartDate: string): string {
  const version = parametersOn('STAP', trainingStartDate) ?? parametersOn('STAP', '2023-12-31');
  const weeks = version?.parameters.advanceInvoiceFromWeeksBeforeStart.value ?? 3;
  return addDays(trainingStartDate, -7 * weeks);
}

export interface InvoiceInput {
  invoiceNumber: string;
  invoiceDate: string;
  amountCents: number;
  currency: string;
}

export interface InvoiceableOrder {
  status: PurchaseOrderStatus;
  requiresInvoice: boolean;
  committedCents: number;
  invoicedCents: number;
  advanceInvoiceableFrom: string | null;
}

export type InvoiceRefusal = 'TOO_EARLY' | 'ABOVE_COMMITMENT' | 'NOT_INVOICEABLE';

const MAX_INVOICE_NUMBER = 35; // it travels in the SEPA remittance information next to the order number

/** Problems with the invoice itself, whatever the order: INVALID_ARGUMENT. */
export function invoiceViolations(input: InvoiceInput): Violation[] {
  const violations: Violation[] = [];
  const number = input.invoiceNumber.trim();
  if (number.length === 0) violations.push({ field: 'invoice_number', description: 'is required' });
  else if (number.length > MAX_INVOICE_NUMBER || !/^[A-Za-z0-9./\-_ ]+$/.test(number)) {
    violations.push({ field: 'invoice_number', description: `must be 1-${MAX_INVOICE_NUMBER} letters, digits or . / - _` });
  }
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    violations.push({ field: 'amount.amount_cents', description: 'must be a positive number of cents, VAT included' });
  }
  if (input.currency !== 'EUR') violations.push({ field: 'amount.currency', description: 'must be EUR' });
  if (!isCalendarDate(input.invoiceDate)) violations.push({ field: 'invoice_date', description: 'must be a date' });
  return violations;
}

/** Why an order refuses a valid invoice received on `today`, or undefined when it accepts it. */
export function invoiceRefusal(order: InvoiceableOrder, amountCents: number, today: string): { reason: InvoiceRefusal; message: string } | undefined {
  if (!order.requiresInvoice || (order.status !== 'OPEN' && order.status !== 'INVOICED')) {
    return { reason: 'NOT_INVOICEABLE', message: `the purchase order is ${order.status.toLowerCase()} and takes no invoices` };
  }
  if (order.advanceInvoiceableFrom && compareDates(today, order.advanceInvoiceableFrom) < 0) {
    return { reason: 'TOO_EARLY', message: `the advance may be invoiced from ${order.advanceInvoiceableFrom}` };
  }
  const remaining = order.committedCents - order.invoicedCents;
  if (amountCents > remaining) {
    return { reason: 'ABOVE_COMMITMENT', message: `the amount exceeds what remains of the purchase order (${remaining} cents)` };
  }
  return undefined;
}

/** The regeling code behind a proto enum name, e.g. REGELING_CODE_STAP → STAP. */
export function regelingFromProto(name: string): RegelingCode | undefined {
  const code = name.replace(/^REGELING_CODE_/, '');
  return code === 'UNSPECIFIED' ? undefined : (code as RegelingCode);
}
