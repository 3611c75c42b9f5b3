/*
 * Computed answers of the free-slots routes, kept in the isolate's memory (services/slots.ts).
 *
 * Why memory and not the Cache API: every answer must be checked against the office's schedule version
 * in D1 on every request anyway (one indexed read of one row), so the cache only saves the computation.
 * A map lookup costs nothing after that read; the Cache API would add an I/O round trip and a body to
 * stream back on every hit, keeps its entries per data centre only, and does nothing at all on
 * *.workers.dev and in previews. What memory gives up: each isolate (several per data centre, recycled
 * at will) fills its own map, so a cold isolate computes once per key. Correctness never depends on an
 * entry surviving; an entry is only ever a computation saved.
 */

/** One computed answer: the serialized JSON body and what it is valid for. */
export interface CachedAnswer {
  /** The schedule version of the snapshot the answer was computed from. */
  version: number;
  /** Valid for a clock in [validFrom, validUntil), ms since the epoch (the computation's `now` and the schedule's `scheduleChangesAt`). */
  validFrom: number;
  validUntil: number;
  body: string;
}

export interface CacheLimits {
  /** Most entries kept. */
  entries: number;
  /** Most characters of bodies kept, all entries together (bodies are ASCII JSON apart from reasons: about one byte each). */
  chars: number;
}

/**
 * A bounded map of answers, least recently used out first. It checks time; the caller checks the
 * version against the database, since only the database knows it.
 */
export class AnswerCache {
  readonly #entries = new Map<string, CachedAnswer>();
  readonly #limits: CacheLimits;
  #chars = 0;

  constructor(limits: CacheLimits) {
    this.#limits = limits;
  }

  /** The answer kept under `key` if the clock `now` (ms) lies in its validity; one that has run out is dropped. */
  get(key: string, now: number): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.validUntil) {
      this.#delete(key, entry);
      return undefined;
    }
    if (now < entry.validFrom) return undefined;
    // Most recently used last, so the first key is the one to evict.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * Keeps `entry` under `key`, unless the entry there is of a newer version (a slower computation from an
   * older snapshot finishing last) or the body alone is over the limit.
   */
  set(key: string, entry: CachedAnswer): void {
    const old = this.#entries.get(key);
    if (old && old.version > entry.version) return;
    if (entry.body.length > this.#limits.chars) return;
    if (old) this.#delete(key, old);
    this.#entries.set(key, entry);
    this.#chars += entry.body.length;
    for (const [oldest, e] of this.#entries) {
      if (this.#entries.size <= this.#limits.entries && this.#chars <= this.#limits.chars) break;
      this.#delete(oldest, e);
    }
  }

  /** How many entries and characters are kept (for tests and the bench). */
  get size(): { entries: number; chars: number } {
    return { entries: this.#entries.size, chars: this.#chars };
  }

  #delete(key: string, entry: CachedAnswer): void {
    this.#entries.delete(key);
    this.#chars -= entry.body.length;
  }
}
