// A short-lived cache of public search answers (GET /api/v1/trainings). At a window opening many people send the
// same popular searches within seconds; answering those from memory spares the database. It is honest by
// construction: an entry lives at most `ttlSeconds` (so a training withdrawn, excluded or changed is gone from every
// answer within that time; nothing is invalidated earlier), the number of entries is bounded (least recently used
// goes first), and the response says the same to any shared cache in front of it (`Cache-Control: public,
// max-age=ttlSeconds`). Only successful answers are kept; bad input is never cached (it throws before).

export interface SearchCacheOptions {
  /** How long an answer may be served from memory; 0 switches the cache off. */
  ttlSeconds: number;
  /** At most this many distinct searches are kept. */
  maxEntries: number;
  /** Injectable clock (milliseconds) for tests. */
  now?: () => number;
}

interface Entry {
  body: Promise<string>;
  expiresAt: number;
}

export interface CacheLookup {
  body: Promise<string>;
  hit: boolean;
}

export class SearchResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(private readonly options: SearchCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlSeconds > 0 && this.options.maxEntries > 0;
  }

  /** The Cache-Control header matching what this cache does. */
  get cacheControl(): string {
    return this.enabled ? `public, max-age=${this.options.ttlSeconds}` : 'no-cache';
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The answer for `key`: from memory while fresh, otherwise from `compute`. Identical searches arriving while the
   * first is still being answered share its answer (one database query, not one per request). A failed computation
   * is not kept.
   */
  answer(key: string, compute: () => Promise<string>): CacheLookup {
    if (!this.enabled) return { body: compute(), hit: false };
    const now = this.now();
    const found = this.entries.get(key);
    if (found && found.expiresAt > now) {
      // Least recently used order: a Map iterates in insertion order, so a hit moves the key to the end.
      this.entries.delete(key);
      this.entries.set(key, found);
      this.hits += 1;
      return { body: found.body, hit: true };
    }
    if (found) this.entries.delete(key);
    this.misses += 1;
    const body = compute();
    const entry: Entry = { body, expiresAt: now + this.options.ttlSeconds * 1000 };
    this.entries.set(key, entry);
    body.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return { body, hit: false };
  }
}
