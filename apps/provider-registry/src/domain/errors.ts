// The one error the platform's ApplicationError has no kind for: an optimistic-concurrency conflict. The contract
// answers it with ABORTED ("re-read and retry"), HTTP with 409; the transports map it.
export class VersionConflict extends Error {
  constructor(readonly currentVersion: bigint) {
    super(`the provider changed since it was read; its current version is ${currentVersion}: re-read and retry`);
    this.name = 'VersionConflict';
  }
}
