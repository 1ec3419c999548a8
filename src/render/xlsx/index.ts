/** The .xlsx renderer: writes SheetModels (src/sheets/model.ts) as an Excel workbook. */
export { writeWorkbook, writeWorkbookTo, planNames } from "./workbook";
export { validSheetName, quoteSheetName } from "../../excel/sheet-names";
export { EXCEL_MAX_CELL_CHARS, truncateForCell, encodeOoxmlString, decodeOoxmlString } from "./text";
export { storedFormula } from "./formula";
