/**
 * Texts to ids for the customer column (see customer-vector.ts): open addressing with linear
 * probing, at most half full. The caller hashes, so that a plain ASCII name can be hashed and
 * looked up with its case folded without making the lower-cased copy.
 *
 * Laid out for a million lookups of freshly parsed strings, where each dependent memory read
 * that misses the cache costs more than hashing the text:
 * - a slot is [hash, where], so a probe reads one cache line and a miss never leaves it;
 * - an entry's length, id and characters (two to a 32-bit word, compared two at a time) are
 *   packed side by side in one array: a hit reads one more line, a small, hot block instead of
 *   the first cell that held the text, which lies somewhere in the large, fresh input;
 * - packing stops at PACKED_WORDS. Past it the table no longer fits a cache either, and further
 *   copies would only add off-heap memory (V8 runs a full garbage collection of the whole heap,
 *   input included, for every 64 MB or so of live ArrayBuffers: a million distinct 16-character
 *   names took 100 MB of copies and two such collections), so later entries are compared
 *   against the text they were added with.
 */

/** Packed words at most: 4 MB, about 100,000 names of 16 characters. */
export const PACKED_WORDS = 1 << 20;

/** Words before an entry's characters: its length, then its id. */
const HEADER = 2;

export class StringIds {
  /**
   * Two ints per slot: the hash, then where the entry is: its start + 1 in `words` when packed,
   * -(index + 1) in `texts`/`ids` when not, 0 for an empty slot.
   */
  private slots = new Int32Array(128);
  private mask = 63;
  private count = 0;
  /** Packed entries: length, id, then the characters two to a word (see pair). */
  private words = new Uint32Array(512);
  private used = 0;
  /** Entries that are not packed: their texts as added (a folded table: the spelling added) and ids. */
  private readonly texts: string[] = [];
  private readonly ids: number[] = [];

  /**
   * folded: texts are the same when they are equal with A-Z read as a-z (only those: the
   * callers fold nothing else), for a table of normalised customer keys.
   */
  constructor(private readonly folded: boolean, private readonly budget = PACKED_WORDS) {}

  get size(): number {
    return this.count;
  }

  /** The id of `s` (whose hash is h), or -1. */
  get(s: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const where = slots[2 * p + 1];
      if (where === 0) return -1;
      if (slots[2 * p] !== h) continue;
      if (where > 0) {
        if (this.samePacked(where - 1, s)) return this.words[where];
      } else if (this.sameText(this.texts[-where - 1], s)) return this.ids[-where - 1];
    }
  }

  /** Adds `s` (not present) with its hash and id. */
  add(s: string, h: number, id: number): void {
    this.count++;
    if (2 * this.count > this.mask + 1) this.rehash();
    this.place(h, this.store(s, id));
  }

  private samePacked(from: number, s: string): boolean {
    const words = this.words;
    const n = s.length;
    if (words[from] !== n) return false;
    let k = from + HEADER;
    let j = 0;
    if (this.folded) {
      for (; j + 1 < n; j += 2, k++) if (words[k] !== foldedPair(s.charCodeAt(j), s.charCodeAt(j + 1))) return false;
      return j === n || words[k] === foldedPair(s.charCodeAt(j), 0);
    }
    for (; j + 1 < n; j += 2, k++) if (words[k] !== exactPair(s.charCodeAt(j), s.charCodeAt(j + 1))) return false;
    return j === n || words[k] === exactPair(s.charCodeAt(j), 0);
  }

  private sameText(t: string, s: string): boolean {
    const n = s.length;
    if (t.length !== n) return false;
    if (!this.folded) return t === s;
    for (let j = 0; j < n; j++) if (fold(t.charCodeAt(j)) !== fold(s.charCodeAt(j))) return false;
    return true;
  }

  /** Packs s with its id if the budget allows; returns its `where`. */
  private store(s: string, id: number): number {
    const n = s.length;
    const from = this.used;
    const end = from + HEADER + ((n + 1) >>> 1);
    if (end > this.budget) {
      this.texts.push(s);
      this.ids.push(id);
      return -this.texts.length;
    }
    if (end > this.words.length) {
      const words = new Uint32Array(Math.min(this.budget, Math.max(2 * this.words.length, end)));
      words.set(this.words.subarray(0, from));
      this.words = words;
    }
    const words = this.words;
    const pair = this.folded ? foldedPair : exactPair;
    words[from] = n;
    words[from + 1] = id;
    let k = from + HEADER;
    let j = 0;
    for (; j + 1 < n; j += 2, k++) words[k] = pair(s.charCodeAt(j), s.charCodeAt(j + 1));
    if (j < n) words[k] = pair(s.charCodeAt(j), 0);
    this.used = end;
    return from + 1;
  }

  private place(h: number, where: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let p = h & mask;
    while (slots[2 * p + 1] !== 0) p = (p + 1) & mask;
    slots[2 * p] = h;
    slots[2 * p + 1] = where;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = old.length - 1;
    for (let q = 0; q < old.length; q += 2) if (old[q + 1] !== 0) this.place(old[q], old[q + 1]);
  }
}

/** Two code units as one word (the second 0 past the end). */
function exactPair(a: number, b: number): number {
  return (a | (b << 16)) >>> 0;
}

/** Two code units as one word, A-Z read as a-z. */
function foldedPair(a: number, b: number): number {
  return (fold(a) | (fold(b) << 16)) >>> 0;
}

/** A-Z as a-z; every other code unit as it is. */
function fold(c: number): number {
  return (c - 65) >>> 0 < 26 ? c + 32 : c;
}
