/**
 * Column widths that fit what a sheet holds: the data never wraps, a long header wraps onto a
 * few lines without cutting a word. Widths are in characters (text-metrics.ts).
 */
import { Block, RangeRef, StyleName } from "./model";
import { formattedText } from "./number-text";
import { longestWord, textWidth, wrappedLines } from "./text-metrics";

export interface WidthLimits {
  readonly min?: number;
  readonly max?: number;
  /** Lines a header may wrap onto (default 2). */
  readonly lines?: number;
}

/**
 * A column width (characters) that fits a header and the cells below it: the data never
 * wraps, a long header wraps onto up to `lines` lines (its row grows, see the renderers), no
 * word of it is cut; within [min, max] (max wins over the data only when the data is wider).
 */
export function fitWidth(options: WidthLimits & { header?: string; texts?: readonly string[] }): number {
  const min = options.min ?? 6;
  const max = options.max ?? 50;
  let data = 0;
  for (const s of options.texts ?? []) data = Math.max(data, textWidth(s));
  let width = Math.min(max, Math.max(min, data + 2));
  const header = options.header;
  if (header) {
    // The narrowest width (from the data's) at which the bold header takes at most `lines` lines.
    const lines = Math.max(1, options.lines ?? 2);
    // No word is split: the longest fits on a line (a cell keeps about one character of padding).
    const bold = { bold: true };
    const word = Math.ceil(longestWord(header, bold) + 0.7);
    width = Math.min(max, Math.max(width, word));
    while (width < max && wrappedLines(header, width, bold) > lines) width++;
  }
  return width;
}

/** Styles whose text overflows into the next cells (or spans a section): not sized by fitColumns. */
const OVERFLOWING: ReadonlySet<StyleName> = new Set<StyleName>(["title", "subtitle", "note", "section", "warning"]);

/** What one column shows: its longest data text, its headers (may wrap), its numbers' extremes per format. */
interface ColumnTexts {
  longest: string;
  readonly headers: Set<string>;
  readonly extremes: Map<string | null, { min: number; max: number }>;
}

function collect(blocks: readonly Block[], merges: readonly RangeRef[], want: ReadonlySet<number>): Map<number, ColumnTexts> {
  const columns = new Map<number, ColumnTexts>();
  const wide = merges.filter((m) => m.cols > 1);
  const merged = (row: number, col: number) =>
    wide.some((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols);
  for (const block of blocks) {
    if (block.style && OVERFLOWING.has(block.style)) continue;
    const wrappable = block.style === "header" || !!block.wrap;
    for (let j = 0; j < block.cells[0].length; j++) {
      const col = block.col + j;
      if (!want.has(col)) continue;
      const format = block.numberFormats?.[j] ?? null;
      let column = columns.get(col);
      if (!column) columns.set(col, (column = { longest: "", headers: new Set(), extremes: new Map() }));
      for (let i = 0; i < block.cells.length; i++) {
        const cell = block.cells[i][j];
        const value = cell !== null && typeof cell === "object" ? cell.v : cell;
        if (value === null || value === "" || (wide.length && merged(block.row + i, col))) continue;
        if (typeof value === "number") {
          const extremes = column.extremes.get(format);
          if (!extremes) column.extremes.set(format, { min: value, max: value });
          else {
            if (value < extremes.min) extremes.min = value;
            if (value > extremes.max) extremes.max = value;
          }
        } else if (wrappable) column.headers.add(String(value));
        else if (textWidth(String(value)) > textWidth(column.longest)) column.longest = String(value);
      }
    }
  }
  return columns;
}

/**
 * The widths of columns `cols` fitting their blocks (fitWidth): data cells (numbers as their
 * format shows them) never wrap; header cells and wrapped blocks may wrap. Titles, subtitles,
 * notes, sections and warnings are left to overflow; cells merged over several columns are
 * skipped. Cost: one pass over the cells, numbers formatted once per column (their extremes).
 */
export function fitColumnWidths(
  blocks: readonly Block[],
  merges: readonly RangeRef[],
  cols: Iterable<number>,
  limits: WidthLimits = {},
): Map<number, number> {
  const want = new Set(cols);
  const columns = collect(blocks, merges, want);
  const widths = new Map<number, number>();
  for (const col of want) {
    const column = columns.get(col);
    const data = column && column.longest !== "" ? [column.longest] : [];
    for (const [format, e] of column?.extremes ?? []) {
      data.push(...[e.min, e.max].map((x) => (format === null ? String(Number(x.toPrecision(10))) : formattedText(x, format))));
    }
    let width = fitWidth({ texts: data, ...limits });
    for (const header of column?.headers ?? []) width = Math.max(width, fitWidth({ header, texts: data, ...limits }));
    widths.set(col, width);
  }
  return widths;
}
