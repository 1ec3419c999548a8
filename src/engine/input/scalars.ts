/** Single-value arguments (scheme, locale, cuts): Excel may still pass them as 1×1 ranges. */
import { Locale } from "../../strings";
import { fail } from "../errors";
import { Cell, describeCell, excelErrorOf, isBlank } from "./cells";
import { NumberStatus, readNumber } from "./numbers";
import { asRange } from "./range";

export function scalarOf(value: unknown, arg: string): Cell {
  if (!Array.isArray(value)) return value;
  const r = asRange(value);
  if (r.length === 0) return null;
  if (r.length > 1 || r[0].length > 1) throw fail("#VALUE!", "error.scalar", { arg });
  return r[0][0];
}

/** An optional number argument; undefined when omitted or blank. */
export function optionalNumberOf(value: unknown, arg: string): number | undefined {
  const cell = scalarOf(value, arg);
  if (isBlank(cell)) return undefined;
  const box = new Float64Array(1);
  const status = readNumber(cell, box);
  if (status === NumberStatus.Ok) return box[0];
  const key =
    status === NumberStatus.ErrorCell ? "error.errorCell" : status === NumberStatus.NotFinite ? "error.notFinite" : "error.notNumber";
  throw fail("#VALUE!", key, { arg, cell: describeCell(cell), pos: "value", posKey: "position.value", posN: 0 });
}

function optionalTextOf(value: unknown, arg: string): string | undefined {
  const cell = scalarOf(value, arg);
  if (isBlank(cell)) return undefined;
  if (excelErrorOf(cell))
    throw fail("#VALUE!", "error.errorCell", { arg, cell: describeCell(cell), pos: "value", posKey: "position.value", posN: 0 });
  return String(cell).trim();
}

const LOCALE_ALIASES: Record<string, Locale> = {
  en: "en",
  "en-us": "en",
  "en-gb": "en",
  english: "en",
  zh: "zh",
  "zh-cn": "zh",
  "zh-hans": "zh",
  cn: "zh",
  chinese: "zh",
  中文: "zh",
};

/** The locale argument: "en" (default) or "zh"; labels never follow Excel's UI language. */
export function localeOf(value: unknown): Locale {
  const t = optionalTextOf(value, "locale");
  if (t === undefined) return "en";
  const loc = LOCALE_ALIASES[t.toLowerCase().replace(/_/g, "-")];
  if (!loc) throw fail("#VALUE!", "error.locale", { cell: describeCell(t) });
  return loc;
}
