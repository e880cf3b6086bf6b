// Collects the reads that arrive in the same turn of the event loop (under a window opening: hundreds) into one
// BatchGet… call of an external register, and hands each caller its own result. Idle, a read goes out alone at the
// next turn (setImmediate), so batching adds no waiting; busy, one call carries up to `max` reads. Why: per read, a
// gRPC call costs more CPU than the read itself (measured with the window-opening benchmark, see the README).
import type { Status } from '@stap/contracts/google/rpc/status';

export type BatchResult<Res> = { result?: { $case: 'error'; value: Status } | { $case: string; value: Res } | undefined };

/** An error with the gRPC code of a failed read, as a single call would have thrown it. */
export class ReadError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

interface Waiting<Req, Res> {
  request: Req;
  resolve: (response: Res) => void;
  reject: (error: unknown) => void;
}

export class MicroBatcher<Req, Res> {
  private waiting: Waiting<Req, Res>[] = [];
  private scheduled = false;

  constructor(private readonly send: (requests: Req[]) => Promise<BatchResult<Res>[]>, private readonly max: number) {}

  read(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (this.waiting.length >= this.max) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.max);
      this.send(batch.map((each) => each.request)).then(
        (results) => batch.forEach((each, i) => settle(each, results[i])),
        (error: unknown) => batch.forEach((each) => each.reject(error)),
      );
    }
  }
}

function settle<Req, Res>(waiting: Waiting<Req, Res>, outcome: BatchResult<Res> | undefined): void {
  const result = outcome?.result;
  if (!result) waiting.reject(new ReadError(13, 'the register returned no result for this read'));
  else if (result.$case === 'error') waiting.reject(new ReadError((result.value as Status).code, (result.value as Status).message));
  else waiting.resolve(result.value as Res);
}
