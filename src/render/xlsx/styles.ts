/**
 * The look of generated workbooks: the model's named styles mapped to ExcelJS fonts, fills,
 * borders and alignment, plus colour parsing. One palette, Office green (#217346) as the accent.
 * Table-like cells are centred vertically, so that a row grown for wrapped text stays aligned.
 */
import type { Alignment, Border, Borders, Fill, Font, Style } from "exceljs";
import type { HorizontalAlignment, StyleName } from "../../sheets/model";

export const OFFICE_GREEN = "217346";

/** "#217346", "217346", "#fff", "FF217346" → ARGB "FF217346"; undefined when not a colour. */
export function toArgb(color: string | undefined | null): string | undefined {
  if (typeof color !== "string") return undefined;
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-fA-F]{3}$/.test(hex))
    hex = hex
      .split("")
      .map((c) => c + c)
      .join("");
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return ("FF" + hex).toUpperCase();
  if (/^[0-9a-fA-F]{8}$/.test(hex)) return hex.toUpperCase();
  return undefined;
}

/** Like {@link toArgb} but the 6-digit RGB DrawingML wants ("217346"). */
export function toRgb(color: string | undefined | null): string | undefined {
  const argb = toArgb(color);
  return argb === undefined ? undefined : argb.slice(2);
}

const GRID = "FFBFBFBF";
const thin = (argb = GRID): Partial<Border> => ({ style: "thin", color: { argb } });
const box = (b: Partial<Border>): Partial<Borders> => ({ top: b, left: b, bottom: b, right: b });
const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } });
const FONT = "Calibri";

interface Look {
  font?: Partial<Font>;
  fill?: Fill;
  border?: Partial<Borders>;
  alignment?: Partial<Alignment>;
  /** Row height in points for rows holding this style (titles). */
  rowHeight?: number;
}

/** The named styles. Table-like styles (header, body, total, input, todo) carry thin borders. */
export const LOOKS: Readonly<Record<StyleName, Look>> = {
  title: {
    font: { name: FONT, size: 16, bold: true, color: { argb: "FF" + OFFICE_GREEN } },
    alignment: { vertical: "middle" },
    rowHeight: 24,
  },
  subtitle: { font: { name: FONT, size: 11, italic: true, color: { argb: "FF595959" } } },
  section: {
    font: { name: FONT, size: 12, bold: true, color: { argb: "FF" + OFFICE_GREEN } },
    border: { bottom: { style: "medium", color: { argb: "FF" + OFFICE_GREEN } } },
  },
  header: {
    font: { name: FONT, size: 11, bold: true, color: { argb: "FFFFFFFF" } },
    fill: solid("FF" + OFFICE_GREEN),
    border: box(thin("FF1A5C38")),
    alignment: { vertical: "middle" },
  },
  body: { font: { name: FONT, size: 11 }, border: box(thin()), alignment: { vertical: "middle" } },
  total: {
    font: { name: FONT, size: 11, bold: true },
    fill: solid("FFE2EFDA"),
    border: {
      top: { style: "thin", color: { argb: "FF" + OFFICE_GREEN } },
      bottom: { style: "double", color: { argb: "FF" + OFFICE_GREEN } },
      left: thin(),
      right: thin(),
    },
    alignment: { vertical: "middle" },
  },
  note: { font: { name: FONT, size: 9, italic: true, color: { argb: "FF7F7F7F" } } },
  // Inputs: pale yellow with dark blue text (the usual "you may type here" convention).
  input: {
    font: { name: FONT, size: 11, color: { argb: "FF1F3864" } },
    fill: solid("FFFFF2CC"),
    border: box(thin("FFD6B656")),
    alignment: { vertical: "middle" },
  },
  // To do: italic amber-brown text on light grey with a dashed amber border — clearly unfinished.
  todo: {
    font: { name: FONT, size: 11, italic: true, color: { argb: "FF9C5700" } },
    fill: solid("FFF2F2F2"),
    border: box({ style: "dashed", color: { argb: "FFBF8F00" } }),
    alignment: { vertical: "middle" },
  },
  warning: {
    font: { name: FONT, size: 11, bold: true, color: { argb: "FF9C0006" } },
    fill: solid("FFFFC7CE"),
    border: box(thin("FFE6A5AD")),
  },
};

export function rowHeightFor(style: StyleName | undefined): number | undefined {
  return style ? LOOKS[style]?.rowHeight : undefined;
}

/**
 * Builds (and caches) complete ExcelJS style objects per (named style, number format, wrap).
 * Objects are shared between cells and never mutated after creation.
 */
export class StyleBook {
  private readonly cache = new Map<string, Partial<Style>>();

  get(
    style: StyleName | undefined,
    numFmt: string | null | undefined,
    wrap: boolean | undefined,
    align?: HorizontalAlignment | null,
  ): Partial<Style> | undefined {
    const look = style ? LOOKS[style] : undefined;
    if (!look && !numFmt && !wrap && !align) return undefined;
    const key = `${style ?? ""}\u0000${numFmt ?? ""}\u0000${wrap ? 1 : 0}\u0000${align ?? ""}`;
    let s = this.cache.get(key);
    if (!s) {
      s = {};
      if (look?.font) s.font = { ...look.font };
      if (look?.fill) s.fill = look.fill;
      if (look?.border) s.border = look.border;
      const alignment: Partial<Alignment> = { ...(look?.alignment ?? {}) };
      if (wrap) {
        alignment.wrapText = true;
        alignment.vertical = alignment.vertical ?? "top";
      }
      if (align) alignment.horizontal = align;
      if (Object.keys(alignment).length > 0) s.alignment = alignment;
      if (numFmt) s.numFmt = numFmt;
      this.cache.set(key, s);
    }
    return s;
  }
}
