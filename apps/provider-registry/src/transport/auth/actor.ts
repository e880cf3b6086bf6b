// From the platform's authenticated Identity to this service's Actor. Recognising bodies are bound to one route:
// RECOGNISING_BODY_ROUTES maps a body's subject to its route (`subject=ROUTE,...`), because the development token
// table carries no route; production reads it from the body's client certificate.
import { ApplicationError } from '@stap/platform/errors';
import type { Identity } from '@stap/platform/grpc';
import type { Actor } from '../../domain/actor';
import { isRecognitionRoute, type RecognitionRouteName } from '../../domain/recognition';

export function parseRouteTable(spec: string): Map<string, RecognitionRouteName> {
  const table = new Map<string, RecognitionRouteName>();
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [subject, route] = entry.split('=');
    if (!subject || !route || !isRecognitionRoute(route)) throw new Error(`malformed RECOGNISING_BODY_ROUTES entry "${entry}"`);
    table.set(subject, route);
  }
  return table;
}

export function actorOf(identity: Identity, routes: ReadonlyMap<string, RecognitionRouteName>): Actor {
  const route = identity.kind === 'recognising_body' ? routes.get(identity.subject) : undefined;
  if (identity.kind === 'recognising_body' && !route) throw new ApplicationError('forbidden', 'this recognising body has no route on record');
  return { subject: identity.subject, kind: identity.kind, scopes: identity.scopes, kvkNumber: identity.kvkNumber, recognitionRoute: route };
}
