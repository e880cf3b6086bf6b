// HTTP edge for the budget reports (JSON and CSV), for finance staff and the ministry. Authenticated with the same
// bearer tokens as gRPC; scope payments:reports. Errors are application/problem+json (RFC 9457).
import type { Router } from 'express';
import { z } from 'zod';
import type { Identity } from '@stap/platform/grpc';
import { parseRequest, ProblemError } from '@stap/platform/http';
import { isRegelingCode } from '@stap/regelingen';
import { budgetReport, budgetReportCsv } from '../../application/budget-report';
import type { PrismaClient } from '../../infrastructure/prisma/client';

const reportQuery = z.object({
  basis: z.enum(['opening', 'cash']),
  regeling: z.string().refine(isRegelingCode, 'is not a regeling code').optional(),
  tijdvak: z.string().regex(/^[A-Z0-9_]+-\d{4}-(0[1-9]|1[0-2])$/, 'must be a tijdvak id like STAP-2023-05').optional(),
});

function authorise(tokens: ReadonlyMap<string, Identity>, header: string | undefined): Identity {
  const match = header ? /^Bearer (.+)$/.exec(header) : null;
  const identity = match ? tokens.get(match[1]) : undefined;
  if (!identity) throw new ProblemError({ status: 401, detail: 'A valid bearer token is required.' });
  if (!identity.scopes.includes('payments:reports')) throw new ProblemError({ status: 403, detail: 'Scope payments:reports is required.' });
  return identity;
}

export function reportRoutes(prisma: PrismaClient, tokens: ReadonlyMap<string, Identity>) {
  return (router: Router): void => {
    const report = async (query: unknown, authorization: string | undefined) => {
      const identity = authorise(tokens, authorization);
      const filter = parseRequest(reportQuery, query);
      const lines = await budgetReport(prisma, { basis: filter.basis === 'cash' ? 'CASH' : 'OPENING', regeling: filter.regeling, tijdvakId: filter.tijdvak });
      await prisma.auditEntry.create({ data: { subject: identity.subject, kind: identity.kind, action: 'BudgetReport', target: `${filter.basis}:${filter.tijdvak ?? '*'}`, outcome: 'OK' } });
      return { basis: filter.basis, lines };
    };
    router.get('/v1/reports/budget', async (request, response) => {
      const { basis, lines } = await report(request.query, request.get('authorization'));
      response.json({ basis, generatedAt: new Date().toISOString(), lines });
    });
    router.get('/v1/reports/budget.csv', async (request, response) => {
      const { basis, lines } = await report(request.query, request.get('authorization'));
      response.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="budget-${basis}.csv"`);
      response.send(budgetReportCsv(lines));
    });
  };
}
