import pino from 'pino';
import { GracefulShutdown } from './shutdown';

const silent = pino({ level: 'silent' });

describe('GracefulShutdown', () => {
  it('runs the steps once, in the order they were added, and reports success', async () => {
    const order: string[] = [];
    const shutdown = new GracefulShutdown(silent, 1_000)
      .step('readiness', () => void order.push('readiness'))
      .step('consumers', async () => void order.push('consumers'))
      .step('grpc', () => void order.push('grpc'));
    await expect(shutdown.run()).resolves.toBe(0);
    await expect(shutdown.run()).resolves.toBe(0);
    expect(order).toEqual(['readiness', 'consumers', 'grpc']);
  });

  it('keeps going after a failing step but exits non-zero', async () => {
    const order: string[] = [];
    const shutdown = new GracefulShutdown(silent, 1_000)
      .step('fails', () => {
        throw new Error('boom');
      })
      .step('still runs', () => void order.push('still runs'));
    await expect(shutdown.run()).resolves.toBe(1);
    expect(order).toEqual(['still runs']);
  });

  it('gives up with a non-zero code when a step hangs past the timeout', async () => {
    const shutdown = new GracefulShutdown(silent, 50).step('hangs', () => new Promise(() => undefined));
    await expect(shutdown.run()).resolves.toBe(1);
  });
});
