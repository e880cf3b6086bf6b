// Pure rules of the payment domain: no database, no broker.
import { allocateOffsets } from './offsetting';
import { assertBalanced, transfer, UnbalancedEntryError } from './ledger';
import { buildPain001, formatAmount, sepaText } from './pain001';
import { advanceInvoiceableFrom, invoiceRefusal, invoiceViolations } from './purchase-order';
import { automaticSettlement, planSettlement, recoveryMethod, recoveryStatus, settlementViolations } from './settlement';

const STAP = { regeling: 'STAP', tijdvakId: 'STAP-2023-05' };

describe('ledger', () => {
  it('accepts a balanced entry and refuses unbalanced, single-sided, zero and fractional ones', () => {
    const base = { sourceKey: 'k', cause: 'PaymentExecuted' as const, causeId: 'x', valueDate: '2023-06-01' };
    expect(() => assertBalanced({ ...base, postings: transfer(STAP, 'PAID', 'PAYABLE', 100) })).not.toThrow();
    const [debit, credit] = transfer(STAP, 'PAID', 'PAYABLE', 100);
    expect(() => assertBalanced({ ...base, postings: [debit, { ...credit, amountCents: 99 }] })).toThrow(UnbalancedEntryError);
    expect(() => assertBalanced({ ...base, postings: [debit] })).toThrow(/at least two/);
    expect(() => assertBalanced({ ...base, postings: transfer(STAP, 'PAID', 'PAYABLE', 0) })).toThrow(/positive/);
    expect(() => assertBalanced({ ...base, postings: transfer(STAP, 'PAID', 'PAYABLE', 1.5) })).toThrow(/whole cents/);
  });
});

describe('invoices (DOMAIN.md §2.1: advance from 3 weeks before the start, at most the order)', () => {
  const order = { status: 'OPEN' as const, requiresInvoice: true, committedCents: 100_000, invoicedCents: 40_000, advanceInvoiceableFrom: '2023-05-11' };

  it('puts the advance date 21 days before the start', () => {
    expect(advanceInvoiceableFrom('2023-06-01')).toBe('2023-05-11');
  });

  it('accepts on the advance date up to what remains, and refuses a day early or a cent over', () => {
    expect(invoiceRefusal(order, 60_000, '2023-05-11')).toBeUndefined();
    expect(invoiceRefusal(order, 60_000, '2023-05-10')?.reason).toBe('TOO_EARLY');
    expect(invoiceRefusal(order, 60_001, '2023-05-11')?.reason).toBe('ABOVE_COMMITMENT');
    expect(invoiceRefusal({ ...order, status: 'SETTLED' }, 1, '2023-05-11')?.reason).toBe('NOT_INVOICEABLE');
    expect(invoiceRefusal({ ...order, requiresInvoice: false }, 1, '2023-05-11')?.reason).toBe('NOT_INVOICEABLE');
  });

  it('names every invalid field', () => {
    expect(invoiceViolations({ invoiceNumber: ' ', invoiceDate: '', amountCents: 0, currency: 'USD' }).map((v) => v.field)).toEqual([
      'invoice_number',
      'amount.amount_cents',
      'amount.currency',
      'invoice_date',
    ]);
  });
});

describe('settlement and recovery (DOMAIN.md §2.1)', () => {
  it('splits a settled amount into balance payment, released commitment and recovery', () => {
    expect(planSettlement({ committedCents: 100_000, invoicedCents: 100_000 }, 100_000)).toEqual({
      outcome: 'FULL', settledCents: 100_000, balancePayableCents: 0, releasedCents: 0, recoveryCents: 0,
    });
    expect(planSettlement({ committedCents: 100_000, invoicedCents: 100_000 }, 60_000)).toEqual({
      outcome: 'PARTIAL', settledCents: 60_000, balancePayableCents: 0, releasedCents: 0, recoveryCents: 40_000,
    });
    expect(planSettlement({ committedCents: 100_000, invoicedCents: 50_000 }, 100_000)).toEqual({
      outcome: 'FULL', settledCents: 100_000, balancePayableCents: 50_000, releasedCents: 0, recoveryCents: 0,
    });
    expect(planSettlement({ committedCents: 100_000, invoicedCents: 30_000 }, 0)).toEqual({
      outcome: 'NIL', settledCents: 0, balancePayableCents: 0, releasedCents: 70_000, recoveryCents: 30_000,
    });
  });

  it('refuses a settled amount below zero or above the commitment', () => {
    expect(settlementViolations({ committedCents: 100, invoicedCents: 0 }, 101)).toHaveLength(1);
    expect(settlementViolations({ committedCents: 100, invoicedCents: 0 }, -1)).toHaveLength(1);
    expect(settlementViolations({ committedCents: 100, invoicedCents: 0 }, 100)).toEqual([]);
  });

  it('settles completed and plainly failed participation automatically, and leaves a claimed illness to an officer', () => {
    expect(automaticSettlement({ completed: true, illnessClaimed: false }, 90_000)).toBe(90_000);
    expect(automaticSettlement({ completed: false, illnessClaimed: false }, 90_000)).toBe(0);
    expect(automaticSettlement({ completed: false, illnessClaimed: true }, 90_000)).toBeUndefined();
  });

  it('offsets by default when the payee still has payables, otherwise asks for payment', () => {
    expect(recoveryMethod(undefined, true)).toBe('OFFSETTING');
    expect(recoveryMethod(undefined, false)).toBe('PAYMENT_REQUEST');
    expect(recoveryMethod('PAYMENT_REQUEST', true)).toBe('PAYMENT_REQUEST');
    expect([recoveryStatus(100, 0), recoveryStatus(100, 1), recoveryStatus(100, 100)]).toEqual(['OPEN', 'PARTIALLY_RECOVERED', 'RECOVERED']);
  });
});

describe('offsetting', () => {
  it('collects the oldest recovery first from the same payee only, never more than a payment or a debt', () => {
    const offsets = allocateOffsets(
      [
        { id: 'p1', payeeId: 'A', grossCents: 30_000 },
        { id: 'p2', payeeId: 'B', grossCents: 50_000 },
        { id: 'p3', payeeId: 'A', grossCents: 50_000 },
      ],
      [
        { id: 'r1', debtorId: 'A', outstandingCents: 40_000 },
        { id: 'r2', debtorId: 'A', outstandingCents: 10_000 },
        { id: 'r3', debtorId: 'C', outstandingCents: 99_000 },
      ],
    );
    expect(offsets).toEqual([
      { paymentId: 'p1', recoveryOrderId: 'r1', amountCents: 30_000 },
      { paymentId: 'p3', recoveryOrderId: 'r1', amountCents: 10_000 },
      { paymentId: 'p3', recoveryOrderId: 'r2', amountCents: 10_000 },
    ]);
  });
});

describe('pain.001', () => {
  it('formats cents exactly and keeps text in the SEPA character set', () => {
    expect([formatAmount(5), formatAmount(100_000), formatAmount(123_456_789)]).toEqual(['0.05', '1000.00', '1234567.89']);
    expect(sepaText('Opleidingen & Co — Zuyd é <b>', 70)).toBe("Opleidingen + Co Zuyd e b");
    expect(sepaText('€€€', 70)).toBe('NOTPROVIDED');
    expect(sepaText('x'.repeat(200), 140)).toHaveLength(140);
  });

  it('sums the control total and counts the transactions', () => {
    const xml = buildPain001({
      messageId: 'M1',
      createdAt: new Date('2023-06-01T08:00:00Z'),
      executionDate: '2023-06-02',
      debtor: { name: 'UWV', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
      transfers: [
        { endToEndId: 'E1', amountCents: 100_000, creditorName: 'A', creditorIban: 'NL02ABNA0123456789', remittance: 'r' },
        { endToEndId: 'E2', amountCents: 50, creditorName: 'B', creditorIban: 'NL02ABNA0123456789', remittance: 'r' },
      ],
    });
    expect(xml.match(/<NbOfTxs>2<\/NbOfTxs>/g)).toHaveLength(2);
    expect(xml.match(/<CtrlSum>1000.50<\/CtrlSum>/g)).toHaveLength(2);
  });
});
