// Graceful shutdown in the order DESIGN.md §4 prescribes: readiness NOT_SERVING → stop consumers → stop the gRPC
// server (in-flight calls finish) → stop the outbox relay → close the database → flush telemetry. Each service
// registers its steps in that order; on SIGTERM or SIGINT they run one after another, and the process exits 0
// when all finished within the timeout (1 otherwise), so an orchestrator never has to SIGKILL a healthy service.
import type { Logger } from 'pino';

interface Step {
  name: string;
  run: () => Promise<unknown> | unknown;
}

export class GracefulShutdown {
  private readonly steps: Step[] = [];
  private started: Promise<number> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs: number,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  /** Adds a step; steps run in the order they were added. */
  step(name: string, run: Step['run']): this {
    this.steps.push({ name, run });
    return this;
  }

  listen(signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
    for (const signal of signals) {
      process.once(signal, () => {
        this.logger.info({ signal }, 'shutting down');
        void this.run().then((code) => this.exit(code));
      });
    }
  }

  /** Runs every step once; returns the exit code. */
  run(): Promise<number> {
    this.started ??= this.runSteps();
    return this.started;
  }

  private async runSteps(): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        this.logger.error({ timeoutMs: this.timeoutMs }, 'shutdown timed out');
        resolve(1);
      }, this.timeoutMs);
    });
    const code = await Promise.race([this.runInOrder(), deadline]);
    clearTimeout(timer);
    return code;
  }

  private async runInOrder(): Promise<number> {
    let code = 0;
    for (const step of this.steps) {
      try {
        await step.run();
        this.logger.info({ step: step.name }, 'shutdown step done');
      } catch (error) {
        code = 1;
        this.logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    return code;
  }
}
