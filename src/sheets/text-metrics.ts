/**
 * How much room text takes on a sheet, estimated without fonts: builders size columns with it
 * and the renderers size rows holding wrapped text (LibreOffice does not grow them by itself).
 *
 * Unit: Excel's column-width character, the width of "0" in the default font (Calibri 11).
 * An East Asian wide or full-width character (CJK ideographs, kana, hangul, full-width
 * punctuation) counts 2. Other characters count 1 when sizing columns (textWidth: digits are
 * that wide, so a column fits its text) and 0.82 when wrapping text (ordinary Latin text
 * averages narrower than digits, in Calibri and in LibreOffice's fallback fonts alike).
 * Line height: 15 pt per line at 11 pt, proportional to the font size.
 */
import type { SheetModel, StyleName } from "./model";

/** Whether a code point is East Asian wide or full-width (two columns). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Display width of a text in column-width characters (wide characters count 2). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

interface Token {
  readonly width: number;
  readonly space: boolean;
}

/** Width of an ordinary (narrow) character in running text at 11 pt, against the digit width 1. */
const NARROW = 0.82;
/** Width of a wide character in running text at 11 pt: a full em (11 pt against the 5.25 pt digit). */
const WIDE = 2.1;
/** Bold Latin text is wider (about 30% in LibreOffice's fallback font, less in Calibri); bold CJK is not. */
const BOLD_SCALE = 1.3;

/** How text is drawn: font size in points, bold. */
export interface TextFont {
  readonly size?: number;
  readonly bold?: boolean;
}

/** Words, runs of spaces and single wide characters (a line may break before and after each), with their widths in running text. */
function tokens(s: string, font: TextFont = {}): Token[] {
  const size = (font.size ?? 11) / 11;
  const narrow = NARROW * size * (font.bold ? BOLD_SCALE : 1);
  const wide = WIDE * size;
  const out: Token[] = [];
  let word = 0;
  let spaces = 0;
  const flush = () => {
    if (word > 0) out.push({ width: word * narrow, space: false });
    if (spaces > 0) out.push({ width: spaces * narrow, space: true });
    word = 0;
    spaces = 0;
  };
  for (const ch of s) {
    if (ch === " ") {
      if (word > 0) {
        out.push({ width: word * narrow, space: false });
        word = 0;
      }
      spaces++;
    } else if (isWide(ch.codePointAt(0) ?? 0)) {
      flush();
      out.push({ width: wide, space: false });
    } else {
      if (spaces > 0) {
        out.push({ width: spaces * narrow, space: true });
        spaces = 0;
      }
      word++;
    }
  }
  flush();
  return out;
}

/** Width in running text of the longest piece a text cannot be broken inside (a word; wide characters break anywhere). */
export function longestWord(s: string, font: TextFont = {}): number {
  let best = 0;
  for (const token of tokens(s, font)) if (!token.space) best = Math.max(best, token.width);
  return best;
}

/**
 * Lines a text takes when wrapped in a column `width` characters wide (less a little cell
 * padding): breaks at spaces and between wide characters, a word longer than the line is
 * split, explicit line feeds start new lines.
 */
export function wrappedLines(text: string, width: number, font: TextFont = {}): number {
  const room = Math.max(1, width - 0.7);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let used = 0;
    let count = 1;
    for (const t of tokens(paragraph, font)) {
      const w = t.width;
      if (t.space) {
        used += w;
        continue;
      }
      if (used > 0 && used + w > room) {
        count++;
        used = 0;
      }
      if (used === 0 && w > room) {
        count += Math.ceil(w / room) - 1;
        used = w - (Math.ceil(w / room) - 1) * room;
      } else used += w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Height in points of one line of text at a font size: 15 pt at 11 pt; CJK fonts set lines a tenth taller. */
const lineHeight = (fontSize: number, wide = false): number => ((wide ? 16.5 : 15) * fontSize) / 11;

/**
 * The row height (points) a wrapped text needs in a cell `width` characters wide at a font
 * size and weight, or undefined when it fits on one line.
 */
export function wrappedRowHeight(text: string, width: number, fontSize = 11, bold = false): number | undefined {
  const lines = wrappedLines(text, width, { size: fontSize, bold });
  if (lines <= 1) return undefined;
  return Math.ceil(lines * lineHeight(fontSize, hasWide(text)));
}

/** Whether a text holds a wide (CJK) character. */
function hasWide(text: string): boolean {
  for (const ch of text) if (isWide(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/** Font of a named style as a renderer draws it. */
export type FontOf = (style: StyleName | undefined) => { readonly size: number; readonly bold: boolean };

/**
 * Heights (points) for the rows of a sheet that hold wrapped text needing more than one
 * line: per row the largest estimate over its wrapped cells (literal text, or a formula's
 * expected text) at the width of the cell's column, or of its merge when it heads a one-row
 * merge (cells under a taller merge, or covered by one, are left alone). A cell a later block
 * overwrites counts as that block's.
 */
export function wrappedRowHeights(model: SheetModel, fontOf: FontOf, defaultWidth = 8.43): Map<number, number> {
  const widths = model.columnWidths ?? [];
  const width = (c: number) => {
    const w = widths[c];
    return typeof w === "number" && Number.isFinite(w) && w > 0 ? Math.min(255, w) : defaultWidth;
  };
  const out = new Map<number, number>();
  const blocks = model.blocks;
  // Rows holding wrapped blocks; only their cells are looked at (linear in the cells, not in blocks × cells).
  const rows = new Set<number>();
  for (const b of blocks) if (b.wrap) for (let i = 0; i < b.cells.length; i++) rows.add(b.row + i);
  if (rows.size === 0) return out;
  const key = (r: number, c: number) => r * 16384 + c;
  const owner = new Map<number, number>(); // the last block writing each cell of those rows
  blocks.forEach((b, bi) => {
    const cols = b.cells[0]?.length ?? 0;
    for (let i = 0; i < b.cells.length; i++)
      if (rows.has(b.row + i)) for (let j = 0; j < cols; j++) owner.set(key(b.row + i, b.col + j), bi);
  });
  const masters = new Map<number, { readonly rows: number; readonly cols: number }>();
  const covered = new Set<number>();
  for (const m of model.merges ?? []) {
    if (m.rows * m.cols <= 1) continue;
    masters.set(key(m.row, m.col), m);
    for (let r = m.row; r < m.row + m.rows; r++)
      if (rows.has(r)) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(key(r, c));
  }
  blocks.forEach((b, bi) => {
    if (!b.wrap) return;
    const font = fontOf(b.style);
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const v = cell !== null && typeof cell === "object" ? cell.v : cell;
        if (typeof v !== "string" || v === "") return;
        const r = b.row + i;
        const k = key(r, b.col + j);
        if (owner.get(k) !== bi || covered.has(k)) return;
        const m = masters.get(k);
        if (m && m.rows > 1) return; // a tall merge has room of its own
        let w = 0;
        for (let c = b.col + j; c < b.col + j + (m ? m.cols : 1); c++) w += width(c);
        const h = wrappedRowHeight(v, w, font.size, font.bold);
        if (h !== undefined && h > (out.get(r) ?? 0)) out.set(r, h);
      }),
    );
  });
  return out;
}
