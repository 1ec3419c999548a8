/**
 * Reads the customer argument and groups its cells the way a PivotTable does: spaces trimmed,
 * case ignored, the first spelling shown. Transaction lines repeat the same spelling, so the
 * exact text is looked up first and only new spellings pay for normalising.
 *
 * The lookups are the cost of a whole sales history (a million lines, each cell a new string
 * object from the runtime, so no hash is cached on it): texts go through a small open-addressing
 * table with its own hash (StringIds), measured at about twice the speed of a Map on such
 * strings, and four times on a million different names; numbers and booleans through a Map.
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

export function readCustomerVector(v: Vector): CustomerVector {
  const n = v.length;
  const ids = new Int32Array(n);
  const names: string[] = [];
  const byText = new StringIds(); // exact text of a cell → id
  const byValue = new Map<unknown, number>(); // exact number or boolean cell → id
  const byKey = new StringIds(); // normalised name → id

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
  /** A text not seen before (exactly). */
  const newText = (cell: string, h: number, i: number): number => {
    // Text starting with a printable ASCII character other than "#" can be neither blank nor
    // an error literal: the common case skips both checks (and their trimming and casing).
    if (!plainStart(cell)) {
      if (isBlank(cell)) return NO_CUSTOMER;
      if (excelErrorOf(cell)) throw fail("#VALUE!", "error.customerError", cellArgs(v, i));
    }
    const id = idOfKey(cell.trim());
    byText.add(cell, h, id);
    return id;
  };
  /** Any cell that is not text. */
  const otherCell = (cell: unknown, i: number): number => {
    const hit = byValue.get(cell);
    if (hit !== undefined) return hit;
    if (isBlank(cell)) return NO_CUSTOMER;
    if (excelErrorOf(cell)) throw fail("#VALUE!", "error.customerError", cellArgs(v, i));
    const id = idOfKey(displayText(cell));
    if (typeof cell === "number" || typeof cell === "boolean") byValue.set(cell, id);
    return id;
  };
  const idOf = (cell: unknown, i: number): number => {
    if (typeof cell !== "string") return otherCell(cell, i);
    const h = hashOf(cell);
    const hit = byText.get(cell, h);
    return hit >= 0 ? hit : newText(cell, h, i);
  };

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

/**
 * 32-bit hash of a text: FNV-1a over the UTF-16 code units (the first and last 32 of a long
 * text, with its length), then a murmur3 finaliser so that names differing in their last
 * characters spread over the low bits the table uses.
 */
function hashOf(s: string): number {
  const n = s.length;
  let h = 0x811c9dc5 ^ n;
  if (n <= 64) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < 32; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    for (let i = n - 32; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Texts to non-negative ids: open addressing with linear probing, at most half full. */
class StringIds {
  private slots = new Int32Array(64); // entry + 1; 0 = empty
  private mask = 63;
  private keys: string[] = [];
  private hashes = new Int32Array(32);
  private values = new Int32Array(32);

  /** The id of `s` (whose hash is h), or -1. */
  get(s: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[p] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.keys[e] === s) return this.values[e];
    }
  }

  /** Adds `s` (not present) with its hash and id. */
  add(s: string, h: number, id: number): void {
    const e = this.keys.length;
    if (e === this.hashes.length) {
      const hashes = new Int32Array(2 * e);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const values = new Int32Array(2 * e);
      values.set(this.values);
      this.values = values;
    }
    this.keys.push(s);
    this.hashes[e] = h;
    this.values[e] = id;
    if (2 * (e + 1) > this.slots.length) this.grow();
    else this.place(e, h);
  }

  private place(e: number, h: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let p = h & mask;
    while (slots[p] !== 0) p = (p + 1) & mask;
    slots[p] = e + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.keys.length; e++) this.place(e, this.hashes[e]);
  }
}
