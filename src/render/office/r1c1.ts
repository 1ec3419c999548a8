/**
 * A1 ⇄ R1C1 conversion of English Excel formulas (without the leading "="), for cell references only.
 *
 * Used to write a run of formulas that are "the same formula, relative to each cell" as ONE
 * `Range.formulasR1C1` scalar (Office.js applies a single value to every cell of the range).
 * Deliberately narrow: whole-row/whole-column references ("A:A", "1:3") make the formula
 * non-convertible (null) and it is then written per cell in A1, which is always exact.
 *
 * Left untouched: string literals "..." (with ""), quoted sheet names '...' (with ''),
 * bracket groups (structured and external references), error literals (#N/A), function names
 * (a word followed by "("), sheet prefixes (a word followed by "!") and every other word.
 */

import { columnLetter, columnNumber } from "../../excel/column-letters";
import { MAX_COLS, MAX_ROWS } from "../../excel/limits";
export { MAX_COLS };

const UNICODE_WORD = /[\p{L}\p{N}]/u;

/** Characters of names and references: letters, digits, "_", ".", "$", "\\" (ASCII fast path). */
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36 || c === 92;
  }
  return UNICODE_WORD.test(ch);
}
const CELL_A1 = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COL_ONLY = /^\$?[A-Za-z]{1,3}$/;
const ROW_ONLY = /^\$?\d+$/;
const CELL_R1C1 = /R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?/y;

export { columnNumber };

/** Letters of a 1-based column number (R1C1 numbering). */
export function columnLetters(n: number): string {
  return columnLetter(n - 1);
}

/** End index (exclusive) of a delimited literal starting at i (quote char doubled to escape), or -1. */
function skipQuoted(s: string, i: number, q: string): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return -1;
}

/** End index (exclusive) of a bracket group starting at i ("'" escapes the next char), or -1. */
function skipBrackets(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === "'") {
      j++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

function skipError(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && (isWordChar(s[j]) || s[j] === "/" || s[j] === "!" || s[j] === "?")) j++;
  return j;
}

function readWord(s: string, i: number): number {
  let j = i;
  while (j < s.length && isWordChar(s[j])) j++;
  return j;
}

function offsetPart(axis: "R" | "C", abs: boolean, target: number, here: number): string {
  if (abs) return `${axis}${target}`;
  const d = target - here;
  return d === 0 ? axis : `${axis}[${d}]`;
}

/**
 * Converts an A1 formula of the cell at 0-based (row, col) to R1C1, or null when the formula holds
 * something this converter does not handle (whole rows/columns, unterminated literals).
 */
export function a1ToR1C1(formula: string, row: number, col: number): string | null {
  const s = formula;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      const j = skipQuoted(s, i, ch);
      if (j < 0) return null;
      out += s.slice(i, j);
      i = j;
    } else if (ch === "[") {
      const j = skipBrackets(s, i);
      if (j < 0) return null;
      out += s.slice(i, j);
      i = j;
    } else if (ch === "#") {
      const j = skipError(s, i);
      out += s.slice(i, j);
      i = j;
    } else if (isWordChar(ch)) {
      const j = readWord(s, i);
      const word = s.slice(i, j);
      const next = s[j];
      if (next === "(" || next === "!" || next === "[") {
        out += word;
      } else {
        const m = CELL_A1.exec(word);
        const c = m ? columnNumber(m[2]) : 0;
        const r = m ? Number(m[4]) : 0;
        if (m && c >= 1 && c <= MAX_COLS && r >= 1 && r <= MAX_ROWS) {
          out += offsetPart("R", m[3] === "$", r, row + 1) + offsetPart("C", m[1] === "$", c, col + 1);
        } else if ((COL_ONLY.test(word) || ROW_ONLY.test(word)) && next === ":") {
          return null; // whole column / whole row reference: not handled, write per cell
        } else {
          out += word;
        }
      }
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

interface R1C1Ref {
  readonly rAbs: boolean;
  readonly r: number;
  readonly cAbs: boolean;
  readonly c: number;
}

/**
 * Compiles an R1C1 formula (as produced by a1ToR1C1) into a function giving its A1 text at any
 * 0-based (row, col) — null where a reference would fall off the sheet — or null if unparseable.
 */
export function compileR1C1(formula: string): ((row: number, col: number) => string | null) | null {
  const s = formula;
  const parts: (string | R1C1Ref)[] = [];
  let text = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      const j = skipQuoted(s, i, ch);
      if (j < 0) return null;
      text += s.slice(i, j);
      i = j;
    } else if (ch === "[") {
      const j = skipBrackets(s, i);
      if (j < 0) return null;
      text += s.slice(i, j);
      i = j;
    } else if (ch === "#") {
      const j = skipError(s, i);
      text += s.slice(i, j);
      i = j;
    } else if (isWordChar(ch)) {
      if (ch === "R") {
        CELL_R1C1.lastIndex = i;
        const m = CELL_R1C1.exec(s);
        const end = m ? i + m[0].length : i;
        const after = s[end];
        if (m && !(after !== undefined && (isWordChar(after) || after === "(" || after === "!"))) {
          const part = (p: string | undefined): [boolean, number] =>
            p === undefined ? [false, 0] : p.startsWith("[") ? [false, Number(p.slice(1, -1))] : [true, Number(p)];
          const [rAbs, r] = part(m[1]);
          const [cAbs, c] = part(m[2]);
          parts.push(text, { rAbs, r, cAbs, c });
          text = "";
          i = end;
          continue;
        }
      }
      const j = readWord(s, i);
      text += s.slice(i, j);
      i = j;
    } else {
      text += ch;
      i++;
    }
  }
  parts.push(text);
  return (row, col) => {
    let out = "";
    for (const p of parts) {
      if (typeof p === "string") {
        out += p;
        continue;
      }
      const r = p.rAbs ? p.r : row + 1 + p.r;
      const c = p.cAbs ? p.c : col + 1 + p.c;
      if (r < 1 || r > MAX_ROWS || c < 1 || c > MAX_COLS) return null;
      out += `${p.cAbs ? "$" : ""}${columnLetters(c)}${p.rAbs ? "$" : ""}${r}`;
    }
    return out;
  };
}

/** Converts an R1C1 formula (as produced by a1ToR1C1) of the cell at 0-based (row, col) back to A1. */
export function r1c1ToA1(formula: string, row: number, col: number): string | null {
  const compiled = compileR1C1(formula);
  return compiled ? compiled(row, col) : null;
}
