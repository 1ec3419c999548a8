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
 *
 * Probe chains are bounded: a lookup or insertion that walks more than MAX_CHAIN slots (a good
 * hash stays far below it: see probeStats and its tests) means the texts defeat the hash, by
 * accident or on purpose, and every entry moves to a Map, whose string hash the runtime seeds
 * at random. Ids are given by the caller, so the results do not change, only the cost.
 */

/** Longest probe chain before the table gives up its own hash for a Map. */
export const MAX_CHAIN = 128;

/**
 * Probe counts of every table since the last resetProbeStats, for tests that assert a cost as
 * a count: operations (lookups and insertions), slots visited, the longest chain walked by one
 * operation, and how many tables moved to a Map.
 */
export interface ProbeStats {
  operations: number;
  probes: number;
  longestChain: number;
  fallbacks: number;
}

const stats: ProbeStats = { operations: 0, probes: 0, longestChain: 0, fallbacks: 0 };

export function probeStats(): ProbeStats {
  return { ...stats };
}

export function resetProbeStats(): void {
  stats.operations = stats.probes = stats.longestChain = stats.fallbacks = 0;
}

/** Records one operation that visited `chain` slots. */
function counted(chain: number): void {
  stats.operations++;
  stats.probes += chain;
  if (chain > stats.longestChain) stats.longestChain = chain;
}

/** Packed words at most: 4 MB, about 100,000 names of 16 characters. */
const PACKED_WORDS = 1 << 20;

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
  /** Every entry, keyed by its folded text, once a probe chain passed MAX_CHAIN. */
  private map: Map<string, number> | null = null;

  /**
   * folded: texts are the same when they are equal with A-Z read as a-z (only those: the
   * callers fold nothing else), for a table of normalised customer keys.
   */
  constructor(
    private readonly folded: boolean,
    private readonly budget = PACKED_WORDS,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The id of `s` (whose hash is h), or -1. */
  get(s: string, h: number): number {
    if (this.map) return this.map.get(this.keyOf(s)) ?? -1;
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask, chain = 1; ; p = (p + 1) & mask, chain++) {
      const where = slots[2 * p + 1];
      if (where === 0) return (counted(chain), -1);
      if (chain > MAX_CHAIN) {
        counted(chain);
        this.toMap();
        return this.get(s, h);
      }
      if (slots[2 * p] !== h) continue;
      if (where > 0) {
        if (this.samePacked(where - 1, s)) return (counted(chain), this.words[where]);
      } else if (this.sameText(this.texts[-where - 1], s)) return (counted(chain), this.ids[-where - 1]);
    }
  }

  /** Adds `s` (not present) with its hash and id. */
  add(s: string, h: number, id: number): void {
    this.count++;
    if (this.map) {
      this.map.set(this.keyOf(s), id);
      return;
    }
    if (2 * this.count > this.mask + 1) this.rehash();
    const chain = this.place(h, this.store(s, id));
    counted(chain);
    if (chain > MAX_CHAIN) this.toMap();
  }

  /** The Map's key of a text: for a folded table, A-Z read as a-z (and nothing else, as fold). */
  private keyOf(s: string): string {
    return this.folded ? s.replace(UPPER_ASCII, lowerCase) : s;
  }

  /** Moves every entry to the Map; the slots and packed words are let go. */
  private toMap(): void {
    stats.fallbacks++;
    const map = new Map<string, number>();
    const slots = this.slots;
    for (let q = 1; q < slots.length; q += 2) {
      const where = slots[q];
      if (where > 0) map.set(this.keyOf(this.unpack(where - 1)), this.words[where]);
      else if (where < 0) map.set(this.keyOf(this.texts[-where - 1]), this.ids[-where - 1]);
    }
    this.map = map;
    this.slots = new Int32Array(0);
    this.words = new Uint32Array(0);
    this.texts.length = 0;
    this.ids.length = 0;
  }

  /** The text of the packed entry at `from` (a folded table packs it folded: see store). */
  private unpack(from: number): string {
    const words = this.words;
    const n = words[from];
    const units = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const w = words[from + HEADER + (j >>> 1)];
      units[j] = j & 1 ? w >>> 16 : w & 0xffff;
    }
    let out = "";
    for (let j = 0; j < n; j += 4096) out += String.fromCharCode(...units.slice(j, j + 4096));
    return out;
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

  /** Puts an entry in the first free slot of its chain; returns the slots visited. */
  private place(h: number, where: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let p = h & mask;
    let chain = 1;
    for (; slots[2 * p + 1] !== 0; chain++) p = (p + 1) & mask;
    slots[2 * p] = h;
    slots[2 * p + 1] = where;
    return chain;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = old.length - 1;
    for (let q = 0; q < old.length; q += 2) if (old[q + 1] !== 0) this.place(old[q], old[q + 1]);
  }
}

const UPPER_ASCII = /[A-Z]+/g;
const lowerCase = (m: string): string => m.toLowerCase();

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
