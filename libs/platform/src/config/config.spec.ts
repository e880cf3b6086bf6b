import { z } from 'zod';
import {
  ConfigError,
  envField,
  EX_CONFIG,
  extendServiceConfig,
  loadConfig,
  loadConfigOrExit,
  serviceConfigSchema,
  type Environment,
} from './index';

const validServiceEnv: Environment = {
  GRPC_PORT: '50051',
  HTTP_PORT: '8080',
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/provider_registry',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:9093',
};

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('serviceConfigSchema', () => {
  it('parses the shared variables and fills the defaults', () => {
    expect(loadConfig(serviceConfigSchema, validServiceEnv)).toEqual({
      LOG_LEVEL: 'info',
      GRPC_PORT: 50051,
      HTTP_PORT: 8080,
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/provider_registry',
      KAFKA_BROKERS: ['127.0.0.1:9092', 'kafka-2:9093'],
      OTEL_TRACES_EXPORTER: 'none',
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
  });

  it('names every missing and every invalid variable in one error', () => {
    const error = configErrorOf(() =>
      loadConfig(serviceConfigSchema, { GRPC_PORT: '70000', LOG_LEVEL: 'verbose', KAFKA_BROKERS: 'kafka' }),
    );
    expect(error.problems).toEqual([
      { variable: 'LOG_LEVEL', reason: 'must be one of fatal, error, warn, info, debug, trace, silent' },
      { variable: 'GRPC_PORT', reason: 'must be a port number (0-65535)' },
      { variable: 'HTTP_PORT', reason: 'is required but not set' },
      { variable: 'DATABASE_URL', reason: 'is required but not set' },
      { variable: 'KAFKA_BROKERS', reason: expect.stringContaining('host:port') },
    ]);
    expect(error.message.split('\n')).toEqual([
      'invalid configuration:',
      '  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      '  GRPC_PORT: must be a port number (0-65535)',
      '  HTTP_PORT: is required but not set',
      '  DATABASE_URL: is required but not set',
      expect.stringMatching(/^ {2}KAFKA_BROKERS: must be a comma-separated list of host:port/),
    ]);
  });

  it('requires an OTLP endpoint when the exporter is otlp, even while other variables are also wrong', () => {
    const error = configErrorOf(() =>
      loadConfig(serviceConfigSchema, { ...validServiceEnv, HTTP_PORT: 'http', OTEL_TRACES_EXPORTER: 'otlp' }),
    );
    expect(error.problems).toEqual([
      { variable: 'HTTP_PORT', reason: 'must be a port number (0-65535)' },
      { variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', reason: 'is required when OTEL_TRACES_EXPORTER=otlp' },
    ]);
    const withEndpoint = { ...validServiceEnv, OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' };
    expect(loadConfig(serviceConfigSchema, withEndpoint).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://127.0.0.1:4318');
  });

  it('treats an empty variable as unset', () => {
    const error = configErrorOf(() => loadConfig(serviceConfigSchema, { ...validServiceEnv, DATABASE_URL: '' }));
    expect(error.problems).toEqual([{ variable: 'DATABASE_URL', reason: 'is required but not set' }]);
    expect(loadConfig(serviceConfigSchema, { ...validServiceEnv, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('never echoes a rejected value, which may hold a password', () => {
    const error = configErrorOf(() =>
      loadConfig(serviceConfigSchema, { ...validServiceEnv, DATABASE_URL: 'mysql://app:s3cret@db/app' }),
    );
    expect(error.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(error.message).not.toContain('s3cret');
  });

  it('is extended by a service with its own variables and keeps the cross-field rule', () => {
    const schema = extendServiceConfig({ FEED_BATCH_SIZE: z.coerce.number().int().positive() });
    const config = loadConfig(schema, { ...validServiceEnv, FEED_BATCH_SIZE: '500' });
    expect(config.FEED_BATCH_SIZE).toBe(500);
    expect(config.GRPC_PORT).toBe(50051);
    const error = configErrorOf(() => loadConfig(schema, { ...validServiceEnv, OTEL_TRACES_EXPORTER: 'otlp' }));
    expect(error.problems.map((problem) => problem.variable)).toEqual(['FEED_BATCH_SIZE', 'OTEL_EXPORTER_OTLP_ENDPOINT']);
  });
});

describe('envField builders', () => {
  const parse = <S extends z.ZodType>(schema: S, value: string): z.output<S> => schema.parse(value);
  const reasonFor = (schema: z.ZodType, value: string) =>
    configErrorOf(() => loadConfig(z.object({ VALUE: schema }), { VALUE: value })).problems[0]?.reason;

  it('port accepts 0-65535 and rejects the rest', () => {
    expect(parse(envField.port(), '0')).toBe(0);
    expect(parse(envField.port(), ' 65535 ')).toBe(65_535);
    for (const bad of ['65536', '-1', '80.5', '8o8o']) expect(reasonFor(envField.port(), bad)).toBe('must be a port number (0-65535)');
  });

  it('url accepts only absolute http(s) URLs', () => {
    expect(parse(envField.url(), 'https://otel.example.nl:4318/v1')).toBe('https://otel.example.nl:4318/v1');
    expect(reasonFor(envField.url(), 'otel:4318')).toBe('must be an absolute http:// or https:// URL');
    expect(reasonFor(envField.url(), 'ftp://files.example.nl')).toBe('must be an absolute http:// or https:// URL');
  });

  it('postgresUrl accepts both spellings of the scheme', () => {
    expect(parse(envField.postgresUrl(), 'postgres://u@h/db')).toBe('postgres://u@h/db');
    expect(parse(envField.postgresUrl(), 'postgresql://u@h:5432/db')).toBe('postgresql://u@h:5432/db');
    expect(reasonFor(envField.postgresUrl(), 'http://h/db')).toBe('must be a postgres:// or postgresql:// URL');
  });

  it('kafkaBrokers splits, trims and checks host:port', () => {
    expect(parse(envField.kafkaBrokers(), 'a:9092,,b.local:19092 ,[::1]:9093')).toEqual(['a:9092', 'b.local:19092', '[::1]:9093']);
    expect(reasonFor(envField.kafkaBrokers(), ' , ')).toBe('must list at least one broker as host:port');
    expect(reasonFor(envField.kafkaBrokers(), 'a:9092,b:99999')).toContain('host:port');
  });

  it('durationMs reads whole milliseconds or a unit', () => {
    expect(parse(envField.durationMs(), '2500')).toBe(2_500);
    expect(parse(envField.durationMs(), '500ms')).toBe(500);
    expect(parse(envField.durationMs(), '10s')).toBe(10_000);
    expect(parse(envField.durationMs(), '2m')).toBe(120_000);
    expect(parse(envField.durationMs(), '1h')).toBe(3_600_000);
    expect(reasonFor(envField.durationMs(), '1.5s')).toMatch(/^must be a duration/);
  });

  it('oneOf and logLevel accept only their words', () => {
    expect(parse(envField.oneOf(['a', 'b']), 'b')).toBe('b');
    expect(reasonFor(envField.oneOf(['a', 'b']), 'c')).toBe('must be one of a, b');
    expect(parse(envField.logLevel(), 'debug')).toBe('debug');
  });

  it('booleanFlag accepts exactly "true" and "false"', () => {
    expect(parse(envField.booleanFlag(), 'true')).toBe(true);
    expect(parse(envField.booleanFlag(), 'false')).toBe(false);
    for (const bad of ['TRUE', 'yes', '1']) expect(reasonFor(envField.booleanFlag(), bad)).toBe('must be "true" or "false"');
  });
});

describe('loadConfigOrExit', () => {
  class ExitCalled extends Error {
    constructor(readonly code: number) {
      super(`exit ${code}`);
    }
  }
  const exit = (code: number): never => {
    throw new ExitCalled(code);
  };

  it('returns the configuration when it is valid', () => {
    expect(loadConfigOrExit(serviceConfigSchema, validServiceEnv, exit).HTTP_PORT).toBe(8080);
  });

  it('prints every problem to stderr without a stack trace and exits with EX_CONFIG (78)', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(() => loadConfigOrExit(serviceConfigSchema, { ...validServiceEnv, GRPC_PORT: undefined }, exit)).toThrow(
        new ExitCalled(EX_CONFIG),
      );
    } finally {
      spy.mockRestore();
    }
    expect(EX_CONFIG).toBe(78);
    expect(written.join('')).toBe('invalid configuration:\n  GRPC_PORT: is required but not set\n');
  });
});
