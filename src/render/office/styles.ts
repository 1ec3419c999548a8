/** Named styles of the sheet model mapped to Office.js range-format properties. */
import type { StyleName } from "../../sheets/model";

const OFFICE_GREEN = "#217346";

/** A property path under `range.format` ("font.bold", "borders.EdgeTop.style") and its value. */
export type FormatSetting = readonly [path: string, value: string | number | boolean];

export const STYLES: Readonly<Record<StyleName, readonly FormatSetting[]>> = {
  title: [
    ["font.size", 16],
    ["font.bold", true],
    ["font.color", OFFICE_GREEN],
  ],
  subtitle: [
    ["font.size", 12],
    ["font.italic", true],
    ["font.color", "#595959"],
  ],
  header: [
    ["fill.color", OFFICE_GREEN],
    ["font.color", "#FFFFFF"],
    ["font.bold", true],
    ["verticalAlignment", "Center"],
    ["borders.EdgeBottom.style", "Continuous"],
    ["borders.EdgeBottom.color", "#1E5E3A"],
  ],
  body: [],
  total: [
    ["font.bold", true],
    ["borders.EdgeTop.style", "Continuous"],
    ["borders.EdgeTop.color", OFFICE_GREEN],
  ],
  note: [
    ["font.italic", true],
    ["font.size", 9],
    ["font.color", "#595959"],
  ],
  input: [
    ["fill.color", "#FFF2CC"],
    ["font.color", "#1F4E78"],
  ],
  todo: [
    ["font.italic", true],
    ["font.color", "#9C5700"],
    ["fill.color", "#FFEB9C"],
  ],
  warning: [
    ["font.bold", true],
    ["font.color", "#9C0006"],
    ["fill.color", "#FFC7CE"],
  ],
  section: [
    ["font.bold", true],
    ["font.size", 12],
    ["font.color", OFFICE_GREEN],
    ["borders.EdgeBottom.style", "Continuous"],
    ["borders.EdgeBottom.color", OFFICE_GREEN],
  ],
};

/** Font size and weight a named style gives (Calibri 11 by default), for estimating row heights. */
export function fontOf(style: StyleName | undefined): { size: number; bold: boolean } {
  const settings = style ? STYLES[style] : [];
  const size = settings.find(([p]) => p === "font.size")?.[1];
  const bold = settings.find(([p]) => p === "font.bold")?.[1];
  return { size: typeof size === "number" ? size : 11, bold: bold === true };
}

/** Excel column width in points for a width in characters of the default font (Calibri 11: 7 px per character + 5 px padding; 1 px = 0.75 pt). */
export function charsToPoints(chars: number): number {
  const px = Math.round(Math.max(0, chars) * 7 + 5);
  return px * 0.75;
}

/** "#RRGGBB" from "RRGGBB" or "#RRGGBB" (other CSS forms are passed through). */
export const hexColor = (c: string): string => (/^[0-9A-Fa-f]{6}$/.test(c) ? "#" + c : c);
