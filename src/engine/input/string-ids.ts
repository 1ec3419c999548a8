/**
 * Texts to ids for the customer column (see customer-vector.ts): open addressing with linear
 * probing, at most half full. The caller hashes, so that a plain ASCII name can be hashed and
 * looked up with its case folded without making the lower-cased copy.
 *
 * Laid out for a million lookups of freshly parsed strings:
 * - a slot is [hash, entry + 1], so a probe reads one cache line and a miss never leaves it;
 * - an entry's start and id sit side by side, one more line;
 * - the characters of the first entries are copied into one packed array (CHAR_BUDGET): a hit
 *   then compares against a small, hot block instead of the first cell that held the text,
 *   which lies somewhere in the large, fresh input. Past the budget the table no longer fits a
 *   cache either, and further copies would only add off-heap memory (V8 runs a full garbage
 *   collection of the whole heap, input included, for every 64 MB or so of live ArrayBuffers:
 *   a million distinct 16-character names took 100 MB of copies and two such collections), so
 *   later entries are compared against the text they were added with.
 */

/** Characters copied into the packed array, at most: 4 MB, about 130,000 names of 16 characters. */
export const CHAR_BUDGET = 1 << 21;

const NOT_PACKED = -1;

export class StringIds {
  /** Two ints per slot: the hash, then entry + 1 (0: empty). */
  private slots = new Int32Array(128);
  private mask = 63;
  private count = 0;
  /** Two ints per entry: the start of its characters in `chars` (or NOT_PACKED), then its id. */
  private entries = new Int32Array(64);
  /** Each entry's text as added (for a folded table, the spelling it was added with). */
  private readonly texts: string[] = [];
  private chars = new Uint16Array(1024);
  private used = 0;

  /**
   * folded: texts are the same when they are equal with A-Z read as a-z (only those: the
   * callers fold nothing else), for a table of normalised customer keys.
   */
  constructor(private readonly folded: boolean, private readonly charBudget = CHAR_BUDGET) {}

  get size(): number {
    return this.count;
  }

  /** The id of `s` (whose hash is h), or -1. */
  get(s: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[2 * p + 1] - 1;
      if (e < 0) return -1;
      if (slots[2 * p] === h && this.same(e, s)) return this.entries[2 * e + 1];
    }
  }

  /** Adds `s` (not present) with its hash and id. */
  add(s: string, h: number, id: number): void {
    const e = this.count++;
    if (2 * e + 2 > this.entries.length) {
      const grown = new Int32Array(2 * this.entries.length);
      grown.set(this.entries);
      this.entries = grown;
    }
    this.entries[2 * e] = this.pack(s);
    this.entries[2 * e + 1] = id;
    this.texts.push(s);
    if (2 * this.count > this.mask + 1) this.rehash();
    this.place(e, h);
  }

  private same(e: number, s: string): boolean {
    const from = this.entries[2 * e];
    const n = s.length;
    if (from === NOT_PACKED) {
      const t = this.texts[e];
      if (t.length !== n) return false;
      if (!this.folded) return t === s;
      for (let j = 0; j < n; j++) if (fold(t.charCodeAt(j)) !== fold(s.charCodeAt(j))) return false;
      return true;
    }
    // A packed entry's length is its first code unit (packed texts are at most 0xffff long).
    const chars = this.chars;
    if (chars[from] !== n) return false;
    if (this.folded) {
      for (let j = 0; j < n; j++) if (chars[from + 1 + j] !== fold(s.charCodeAt(j))) return false;
    } else {
      for (let j = 0; j < n; j++) if (chars[from + 1 + j] !== s.charCodeAt(j)) return false;
    }
    return true;
  }

  /** Copies s (folded in a folded table) into the packed array if the budget allows. */
  private pack(s: string): number {
    const n = s.length;
    const from = this.used;
    if (from + n + 1 > this.charBudget || n > 0xffff) return NOT_PACKED;
    if (from + n + 1 > this.chars.length) {
      const chars = new Uint16Array(Math.min(this.charBudget, Math.max(2 * this.chars.length, from + n + 1)));
      chars.set(this.chars.subarray(0, from));
      this.chars = chars;
    }
    const chars = this.chars;
    chars[from] = n;
    if (this.folded) for (let j = 0; j < n; j++) chars[from + 1 + j] = fold(s.charCodeAt(j));
    else for (let j = 0; j < n; j++) chars[from + 1 + j] = s.charCodeAt(j);
    this.used = from + n + 1;
    return from;
  }

  private place(e: number, h: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let p = h & mask;
    while (slots[2 * p + 1] !== 0) p = (p + 1) & mask;
    slots[2 * p] = h;
    slots[2 * p + 1] = e + 1;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = old.length - 1;
    for (let q = 0; q < old.length; q += 2) if (old[q + 1] !== 0) this.place(old[q + 1] - 1, old[q]);
  }
}

/** A-Z as a-z; every other code unit as it is. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
