/**
 * The hidden helper sheet, "Helper data": drop-down lists Excel cannot hold inline and the
 * constants of chart reference lines, one column each, appended after the model's sheets
 * (only when needed).
 */
import type ExcelJS from "exceljs";
import { a1Range, type ListValidation } from "../../sheets/model";
import { inlineList } from "../../excel/inline-list";
import { quoteSheetName } from "../../excel/sheet-names";
import { wellFormed } from "../../excel/well-formed";
import type { ChartConstant } from "./charts";
import { encodeOoxmlString, truncateForCell } from "./text";

/**
 * The hidden helper sheet: one column per stored list or constant series, appended after the
 * model's sheets once everything is known.
 */
export class HelperSheet {
  private readonly columns: (readonly (string | ChartConstant)[])[] = [];

  constructor(
    readonly name: string | undefined,
    private readonly cache = true,
  ) {}

  /**
   * Stores a column of values (texts, numbers, or formulas over a cell: chart lines that follow
   * a cell); returns its absolute reference ('Helper data'!$A$1:$A$3).
   */
  column(values: readonly (string | ChartConstant)[]): string {
    if (!this.name) throw new Error("xlsx renderer: helper sheet was not planned");
    const col = this.columns.length;
    this.columns.push(values);
    return `${quoteSheetName(this.name)}!${a1Range({ row: 0, col, rows: Math.max(1, values.length), cols: 1 }, true)}`;
  }

  addTo(wb: ExcelJS.Workbook): void {
    if (!this.name || this.columns.length === 0) return;
    const ws = wb.addWorksheet(this.name, { state: "hidden" });
    this.columns.forEach((values, col) =>
      values.forEach((value, index) => {
        const cell = ws.getCell(index + 1, col + 1);
        if (typeof value === "string") cell.value = encodeOoxmlString(value);
        else if (typeof value === "number") cell.value = value;
        else cell.value = this.cache ? { formula: value.ref, result: value.value } : { formula: value.ref };
      }),
    );
  }
}

/** A list validation: inline ("a,b,c") when Excel allows it, else a range on the helper sheet. */
export function addValidation(ws: ExcelJS.Worksheet, def: ListValidation, helper: HelperSheet): void {
  const values = def.values.map((value) => truncateForCell(wellFormed(value)));
  const inline = inlineList(values);
  const formula = inline === null ? helper.column(values) : `"${inline}"`;
  const validation: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
  };
  if (def.prompt) {
    validation.showInputMessage = true;
    validation.prompt = def.prompt.slice(0, 255);
  }
  (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(
    a1Range(def.range),
    validation,
  );
}
