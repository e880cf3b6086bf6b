export { envField, LOG_LEVELS, type LogLevel } from './fields';
export { ConfigError, EX_CONFIG, loadConfig, loadConfigOrExit, type ConfigProblem, type Environment } from './load-config';
export {
  extendServiceConfig,
  serviceConfigSchema,
  serviceConfigShape,
  TRACE_EXPORTERS,
  withOtlpEndpointRule,
  type ServiceConfig,
  type TraceExporterKind,
} from './service-config';
