// Domain names ↔ the contract's enum numbers, in one place for events and transports.
import { RecognitionRoute } from '@stap/contracts/stap/providers/v1/providers';
import type { RecognitionRouteName } from '../domain/recognition';

const ROUTE_TO_PROTO: Record<RecognitionRouteName, RecognitionRoute> = {
  OCW_RIO: RecognitionRoute.RECOGNITION_ROUTE_OCW_RIO,
  NRTO: RecognitionRoute.RECOGNITION_ROUTE_NRTO,
  CEDEO: RecognitionRoute.RECOGNITION_ROUTE_CEDEO,
  CPION: RecognitionRoute.RECOGNITION_ROUTE_CPION,
  NLQF: RecognitionRoute.RECOGNITION_ROUTE_NLQF,
  BRANCH: RecognitionRoute.RECOGNITION_ROUTE_BRANCH,
};

export const routeToProto = (route: RecognitionRouteName): RecognitionRoute => ROUTE_TO_PROTO[route];

/** The domain name of a contract route; '' for UNSPECIFIED or an unknown number (then rejected as invalid). */
export function routeFromProto(route: RecognitionRoute): string {
  const entry = Object.entries(ROUTE_TO_PROTO).find(([, value]) => value === route);
  return entry ? entry[0] : '';
}
