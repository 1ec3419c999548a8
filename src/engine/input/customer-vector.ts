/**
 * Reads the customer argument and groups its cells the way a PivotTable does: spaces trimmed,
 * case ignored, the first spelling shown.
 *
 * The lookups are the cost of a whole sales history (a million lines, each cell a new string
 * object from the runtime, so no hash is cached on it), hence a small open-addressing table
 * with its own hash (string-ids.ts) instead of Maps. Plain ASCII names (the common case: printable
 * first character other than "#", no surrounding space, no character above 127) are looked up
 * by their normalised key directly, folding the case while hashing and comparing, so they
 * need neither a second lookup nor a lower-cased copy. Any other text is looked up by its
 * exact text first, and only a new spelling pays for the checks and the normalising; numbers
 * and booleans go through a Map. A column in name order (a sorted customer list, lines sorted
 * by customer) needs no lookups at all until its first cell out of order.
 */
import { fail } from "../errors";
import { dateText, excelErrorOf, isBlank } from "./cells";
import { cellArgs, cellOfRow, Vector } from "./range";
import { StringIds } from "./string-ids";

export interface CustomerVector {
  /** Customer id per input cell; -1 where the customer cell is blank. */
  readonly ids: Int32Array;
  /** Display name per customer id (first spelling, trimmed). */
  readonly names: string[];
  /**
   * Each customer's name key sorts after the previous customer's: ids are in name order, as
   * in a customer list sorted by name, so ranking needs no name comparisons to break ties
   * (comparing a million names in random order costs more than sorting the values).
   */
  readonly namesAscending: boolean;
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
  const byKey = new StringIds(true); // normalised name (any spelling of it) → id
  const byText = new StringIds(false); // exact text of a cell that is not a plain ASCII name → id
  const byValue = new Map<unknown, number>(); // exact number or boolean cell → id
  let namesAscending = true;
  /** A new customer's id. Its name is at hand (just hashed), so the order check is cheap here. */
  const added = (display: string): number => {
    const id = names.length;
    if (namesAscending && id > 0 && compareNameKeys(names[id - 1], display) >= 0) namesAscending = false;
    names.push(display);
    return id;
  };

  const idOfKey = (display: string): number => {
    const key = customerKey(display);
    const hk = hashOf(key);
    let id = byKey.get(key, hk);
    if (id < 0) {
      id = added(display);
      byKey.add(key, hk, id);
    }
    return id;
  };
  const idOfText = (cell: string, i: number): number => {
    const hp = plainKeyHash(cell);
    if (hp >= 0) {
      // A plain ASCII name is its own display text and can be neither blank nor an error.
      let id = byKey.get(cell, hp);
      if (id < 0) {
        id = added(cell);
        byKey.add(cell, hp, id);
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
  // While the customers come in name order (a customer list sorted by name, lines sorted by
  // customer), a cell is either the last customer again or a new one: no lookup is needed, and
  // no table is built. The first cell out of order puts the names so far into the table, and
  // the rest of the column is looked up.
  let inOrder = true;
  const idInOrder = (cell: unknown, i: number): number => {
    let display: string;
    // Printable ASCII at both ends: nothing to trim, and neither blank nor an error literal.
    if (typeof cell === "string" && plainStart(cell) && printableAscii(cell.charCodeAt(cell.length - 1))) display = cell;
    else {
      if (isBlank(cell)) return NO_CUSTOMER;
      if (excelErrorOf(cell)) throw fail("#VALUE!", "error.customerError", cellArgs(v, i));
      display = displayText(cell);
    }
    const last = names.length - 1;
    const order = last < 0 ? -1 : compareNameKeys(names[last], display);
    if (order === 0) return last;
    if (order < 0) {
      names.push(display);
      return last + 1;
    }
    inOrder = false;
    for (let id = 0; id <= last; id++) {
      // As idOfText and idOfKey add them: a plain name folded in place, any other by its key.
      const name = names[id];
      const hp = plainKeyHash(name);
      if (hp >= 0) byKey.add(name, hp, id);
      else {
        const key = customerKey(name);
        byKey.add(key, hashOf(key), id);
      }
    }
    return typeof cell === "string" ? idOfText(cell, i) : idOfOther(cell, i);
  };
  const idOf = (cell: unknown, i: number): number =>
    inOrder ? idInOrder(cell, i) : typeof cell === "string" ? idOfText(cell, i) : idOfOther(cell, i);

  // The loops read the cells directly (see Vector.rows/cells).
  const rows = v.rows;
  const cells = v.cells;
  if (rows) for (let i = 0; i < n; i++) ids[i] = idOf(cellOfRow(rows[i]), i);
  else if (cells) for (let i = 0; i < n; i++) ids[i] = idOf(cells[i], i);
  else for (let i = 0; i < n; i++) ids[i] = idOf(v.at(i), i);
  return { ids, names, namesAscending };
}

/** First character printable ASCII (not a space) and not "#". */
function plainStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return printableAscii(c) && c !== 35;
}

/** Neither a space nor a control character, nor anything trim() might remove. */
function printableAscii(c: number): boolean {
  return c > 32 && c < 127;
}

function displayText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return dateText(cell);
  return String(cell);
}

// Hashes: FNV-1a over the whole text, two UTF-16 code units per step, each step followed by
// an xorshift: a multiplication only carries differences upwards, so without it the low 16
// bits depended on every other character alone (names differing only there had at most 65,536
// hashes) and a difference in a step's top bit passed through unchanged, so two of them
// cancelled whatever the other characters. A murmur3 finaliser then spreads the names' last
// characters over the low bits the table uses; 31 bits, so that -1 can mean "not a plain name".
// The whole text is hashed: a hash of only part of a long name puts names that differ
// elsewhere (store numbers in the middle) on one probe chain, and lookups turn quadratic.
const FNV_SEED = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

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
  let i = 0;
  for (; i + 1 < n; i += 2) {
    h = Math.imul(h ^ (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)), FNV_PRIME);
    h ^= h >>> 15;
  }
  if (i < n) {
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    h ^= h >>> 15;
  }
  return finish(h);
}

/**
 * For a plain ASCII name — none of its characters above 127, the first printable and not
 * "#", the last not a space — the hash of its key (customerKey: for such a text trimming
 * changes nothing and lower-casing maps only A-Z), computed without making the key: the same
 * number as hashOf(key). -1 for any other text.
 */
function plainKeyHash(s: string): number {
  const n = s.length;
  if (n === 0) return -1;
  const first = s.charCodeAt(0);
  if (!(first > 32 && first < 127 && first !== 35) || s.charCodeAt(n - 1) <= 32) return -1;
  let h = FNV_SEED ^ n;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if ((a | b) > 127) return -1;
    h = Math.imul(h ^ (foldAscii(a) | (foldAscii(b) << 16)), FNV_PRIME);
    h ^= h >>> 15;
  }
  if (i < n) {
    const a = s.charCodeAt(i);
    if (a > 127) return -1;
    h = Math.imul(h ^ foldAscii(a), FNV_PRIME);
    h ^= h >>> 15;
  }
  return finish(h);
}

/** A-Z as a-z. */
function foldAscii(c: number): number {
  return (c - 65) >>> 0 < 26 ? c + 32 : c;
}
