/**
 * Decimal commas in the columns the engine reads as numbers, settled once per column before
 * anything reads them (engine/input/decimal-separator.ts holds the rule):
 * - `--decimal comma|point` says what the whole file uses; a number text that only the other
 *   separator reads is an error naming it;
 * - otherwise each column decides from its texts; a column holding only `1,234`-like texts
 *   (ambiguous) takes a decimal comma when the file is semicolon-separated (Excel writes `;`
 *   as the list separator exactly where the comma is the decimal separator), else a decimal
 *   point as before; a column mixing `1,5` and `1,234.56` is an error asking for --decimal.
 * The number cells of a decimal-comma column become their numbers in place, read from the text
 * the file holds, so the engine, the live data sheet and every message see the same values.
 * Only the numeric columns pass here: a customer named "1,5" keeps its name.
 */
import { columnSeparator, DecimalSeparator, separatorEvidence, textSeparator } from "../../engine/input/decimal-separator";
import { parseNumericText } from "../../engine/input/numbers";
import { columnVector } from "../../engine/input/range";
import { Locale, text } from "../../strings";
import { CliError } from "../errors";
import { columnRef, fileRef, rowRef } from "./sales";
import { Table } from "./table";

/** --decimal: "comma" or "point"; undefined when not given. */
export function decimalOption(v: string | undefined): DecimalSeparator | undefined {
  if (v === undefined) return undefined;
  const s = v.trim().toLowerCase();
  if (s === "comma" || s === ",") return "comma";
  if (s === "point" || s === "dot" || s === ".") return "point";
  throw new CliError("cli.error.decimal", { decimal: v });
}

/**
 * Settles the decimal separator of each numeric column (indexes into table.columns) and
 * converts the cells of decimal-comma columns; returns the notes for stderr.
 */
export function settleDecimalSeparators(table: Table, indexes: readonly number[], option: string | undefined, locale: Locale): string[] {
  const forced = decimalOption(option);
  const ambiguousAs: DecimalSeparator = table.delimiter === ";" ? "comma" : "point";
  const notes: string[] = [];
  for (const c of new Set(indexes)) {
    const cells = table.columns[c];
    if (!cells) continue;
    // Without a comma no text can be comma evidence: the usual file costs one scan, no parsing.
    if (!forced && ambiguousAs === "point" && !cells.some(hasComma)) continue;
    const evidence = separatorEvidence(columnVector(cells, String(c)));
    const where = (i: number) => ({
      file: fileRef(table, locale),
      column: columnRef(table, c, locale),
      row: rowRef(table, i, locale),
      cell: String(cells[i]),
    });
    if (forced) {
      const wrong = forced === "comma" ? evidence.firstPoint : evidence.firstComma;
      if (wrong >= 0)
        throw new CliError("cli.error.decimalForced", {
          ...where(wrong),
          separator: text(locale, `cli.decimal.${forced}`),
          option: forced,
        });
    }
    const decided = forced ?? columnSeparator(evidence, ambiguousAs);
    if (decided === "mixed") {
      const comma = where(evidence.firstComma);
      const point = where(evidence.firstPoint);
      throw new CliError("cli.error.decimalMixed", {
        ...comma,
        commaRow: comma.row,
        commaCell: comma.cell,
        pointRow: point.row,
        pointCell: point.cell,
      });
    }
    if (decided !== "comma") continue;
    const example = evidence.comma > 0 ? evidence.firstComma : evidence.firstAmbiguous;
    if (example < 0) continue; // nothing that reads differently
    const args = { ...where(example), value: String(parseNumericText(String(cells[example]), "comma")) };
    toNumbers(cells);
    if (!forced) notes.push(text(locale, evidence.comma > 0 ? "cli.note.decimalComma" : "cli.note.decimalCommaAssumed", args));
  }
  return notes;
}

function hasComma(v: unknown): boolean {
  return typeof v === "string" && (v.includes(",") || v.includes("\uff0c"));
}

/** The texts of a decimal-comma column that are numbers that way become those numbers. */
function toNumbers(cells: unknown[]): void {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v !== "string" || textSeparator(v) === null) continue;
    const x = parseNumericText(v, "comma");
    if (x === x) cells[i] = x === 0 ? 0 : x;
  }
}
