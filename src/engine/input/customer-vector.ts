/**
 * Reads the customer argument and groups its cells the way a PivotTable does: spaces trimmed,
 * case ignored, the first spelling shown.
 *
 * The lookups are the cost of a whole sales history (a million lines, each cell a new string
 * object from the runtime, so no hash is cached on it), hence a small open-addressing table
 * with its own hash (StringIds) instead of Maps. Plain ASCII names (the common case: printable
 * first character other than "#", no surrounding space, no character above 127) are looked up
 * by their normalised key directly, folding the case while hashing and comparing, so they
 * need neither a second lookup nor a lower-cased copy. Any other text is looked up by its
 * exact text first, and only a new spelling pays for the checks and the normalising; numbers
 * and booleans go through a Map.
 */
import { fail } from "../errors";
import { dateText, excelErrorOf, isBlank } from "./cells";
import { cellArgs, cellOfRow, Vector } from "./range";

export interface CustomerVector {
  /** Customer id per input cell; -1 where the customer cell is blank. */
  readonly ids: Int32Array;
  /** Display name per customer id (first spelling, trimmed). */
  readonly names: string[];
}

export const NO_CUSTOMER = -1;

export function customerKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * customerKey(a) compared with customerKey(b) as `<` compares strings: -1, 0 or 1. Decided on
 * the texts themselves, without making the keys, up to the first difference when everything
 * up to it is ASCII and not a space (lower-casing maps only A-Z there, and nothing is trimmed
 * before it); otherwise the keys are made and compared.
 */
export function compareNameKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  if (n > 0 && a.charCodeAt(0) > 32 && b.charCodeAt(0) > 32) {
    for (; i < n; i++) {
      let x = a.charCodeAt(i);
      let y = b.charCodeAt(i);
      if (x > 127 || y > 127) break;
      if (x === y) continue;
      if (x <= 32 || y <= 32) break;
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return x < y ? -1 : 1;
    }
    if (i === n && a.length === b.length) return 0;
  }
  const ka = customerKey(a);
  const kb = customerKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function readCustomerVector(v: Vector): CustomerVector {
  const n = v.length;
  const ids = new Int32Array(n);
  const names: string[] = [];
  const byKey = new StringIds(); // normalised name → id
  const byText = new StringIds(); // exact text of a cell that is not a plain ASCII name → id
  const byValue = new Map<unknown, number>(); // exact number or boolean cell → id

  const idOfKey = (display: string): number => {
    const key = customerKey(display);
    const hk = hashOf(key);
    let id = byKey.get(key, hk);
    if (id < 0) {
      id = names.length;
      names.push(display);
      byKey.add(key, hk, id);
    }
    return id;
  };
  const idOfText = (cell: string, i: number): number => {
    const hp = plainKeyHash(cell);
    if (hp >= 0) {
      // A plain ASCII name is its own display text and can be neither blank nor an error.
      let id = byKey.getFolded(cell, hp);
      if (id < 0) {
        id = names.length;
        names.push(cell);
        byKey.addFolded(cell, hp, id);
      }
      return id;
    }
    const h = hashOf(cell);
    const hit = byText.get(cell, h);
    if (hit >= 0) return hit;
    // Text starting with a printable ASCII character other than "#" can be neither blank nor
    // an error literal.
    if (!plainStart(cell)) {
      if (isBlank(cell)) return NO_CUSTOMER;
      if (excelErrorOf(cell)) throw fail("#VALUE!", "error.customerError", cellArgs(v, i));
    }
    const id = idOfKey(cell.trim());
    byText.add(cell, h, id);
    return id;
  };
  /** Any cell that is not text. */
  const idOfOther = (cell: unknown, i: number): number => {
    const hit = byValue.get(cell);
    if (hit !== undefined) return hit;
    if (isBlank(cell)) return NO_CUSTOMER;
    if (excelErrorOf(cell)) throw fail("#VALUE!", "error.customerError", cellArgs(v, i));
    const id = idOfKey(displayText(cell));
    if (typeof cell === "number" || typeof cell === "boolean") byValue.set(cell, id);
    return id;
  };
  const idOf = (cell: unknown, i: number): number => (typeof cell === "string" ? idOfText(cell, i) : idOfOther(cell, i));

  // The loops read the cells directly (see Vector.rows/cells).
  const rows = v.rows;
  const cells = v.cells;
  if (rows) for (let i = 0; i < n; i++) ids[i] = idOf(cellOfRow(rows[i]), i);
  else if (cells) for (let i = 0; i < n; i++) ids[i] = idOf(cells[i], i);
  else for (let i = 0; i < n; i++) ids[i] = idOf(v.at(i), i);
  return { ids, names };
}

/** First character printable ASCII (not a space) and not "#". */
function plainStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return c > 32 && c < 127 && c !== 35;
}

function displayText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return dateText(cell);
  return String(cell);
}

// Hashes: FNV-1a over the UTF-16 code units (of a long text, the first and last 32 and its
// length), then a murmur3 finaliser so that names differing in their last characters spread
// over the low bits the table uses; 31 bits, so that -1 can mean "not a plain name".
const FNV_SEED = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MAX_PLAIN = 64;

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

/** Hash of a text as it is. */
function hashOf(s: string): number {
  const n = s.length;
  let h = FNV_SEED ^ n;
  if (n <= MAX_PLAIN) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  } else {
    for (let i = 0; i < 32; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    for (let i = n - 32; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  }
  return finish(h);
}

/**
 * For a plain ASCII name — at most 64 characters, none above 127, the first printable and not
 * "#", the last not a space — the hash of its key (customerKey: for such a text trimming
 * changes nothing and lower-casing maps only A-Z), computed without making the key. -1 for
 * any other text.
 */
function plainKeyHash(s: string): number {
  const n = s.length;
  if (n === 0 || n > MAX_PLAIN) return -1;
  const first = s.charCodeAt(0);
  if (!(first > 32 && first < 127 && first !== 35) || s.charCodeAt(n - 1) <= 32) return -1;
  let h = FNV_SEED ^ n;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c > 127) return -1;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return finish(h);
}

/**
 * Texts to non-negative ids: open addressing with linear probing, at most half full. The texts'
 * characters are copied into one packed array: a hit compares against it instead of against
 * the first cell that held the text, which lies somewhere in the (large, fresh) input and
 * would cost a cache miss per row.
 */
class StringIds {
  private slots = new Int32Array(64); // entry + 1; 0 = empty
  private mask = 63;
  private count = 0;
  private hashes = new Int32Array(32);
  private values = new Int32Array(32);
  /** Entry e's characters are chars[starts[e] .. starts[e + 1]). */
  private starts = new Int32Array(33);
  private chars = new Uint16Array(512);

  /** The id of `s` (whose hash is h), or -1. */
  get(s: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[p] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.sameText(e, s)) return this.values[e];
    }
  }

  /** The id of the ASCII text `s` with A-Z read as a-z (h: its hash so read), or -1. */
  getFolded(s: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[p] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.sameFolded(e, s)) return this.values[e];
    }
  }

  private sameText(e: number, s: string): boolean {
    const from = this.starts[e];
    const n = this.starts[e + 1] - from;
    if (n !== s.length) return false;
    const chars = this.chars;
    for (let j = 0; j < n; j++) if (chars[from + j] !== s.charCodeAt(j)) return false;
    return true;
  }

  private sameFolded(e: number, s: string): boolean {
    const from = this.starts[e];
    const n = this.starts[e + 1] - from;
    if (n !== s.length) return false;
    const chars = this.chars;
    for (let j = 0; j < n; j++) {
      let c = s.charCodeAt(j);
      if (c >= 65 && c <= 90) c += 32;
      if (chars[from + j] !== c) return false;
    }
    return true;
  }

  /** Adds `s` (not present) with its hash and id. */
  add(s: string, h: number, id: number): void {
    const from = this.entry(s.length, h, id);
    const chars = this.chars;
    for (let j = 0; j < s.length; j++) chars[from + j] = s.charCodeAt(j);
  }

  /** Adds the ASCII text `s` with A-Z stored as a-z (not present), with its hash and id. */
  addFolded(s: string, h: number, id: number): void {
    const from = this.entry(s.length, h, id);
    const chars = this.chars;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      chars[from + j] = c >= 65 && c <= 90 ? c + 32 : c;
    }
  }

  /** A new entry of n characters; returns where its characters go. */
  private entry(n: number, h: number, id: number): number {
    const e = this.count++;
    if (e === this.hashes.length) {
      this.hashes = grown(this.hashes, 2 * e);
      this.values = grown(this.values, 2 * e);
      this.starts = grown(this.starts, 2 * e + 1);
    }
    const from = this.starts[e];
    if (from + n > this.chars.length) {
      const chars = new Uint16Array(Math.max(2 * this.chars.length, from + n));
      chars.set(this.chars);
      this.chars = chars;
    }
    this.starts[e + 1] = from + n;
    this.hashes[e] = h;
    this.values[e] = id;
    if (2 * this.count > this.slots.length) {
      this.slots = new Int32Array(2 * this.slots.length);
      this.mask = this.slots.length - 1;
      for (let k = 0; k < this.count; k++) this.place(k, this.hashes[k]);
    } else this.place(e, h);
    return from;
  }

  private place(e: number, h: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let p = h & mask;
    while (slots[p] !== 0) p = (p + 1) & mask;
    slots[p] = e + 1;
  }
}

function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
