/** Reads a .csv/.txt/.tsv or .xlsx file into a Table (column-major raw cells). */
import * as fs from "fs";
import * as nodePath from "path";
import { CliError } from "../errors";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { Table } from "./table";

export interface ReadOptions {
  /** Worksheet name (xlsx); case and surrounding spaces ignored. */
  readonly sheet?: string;
}

const CSV_EXT = new Set([".csv", ".txt", ".tsv", ".tab"]);
const XLSX_EXT = new Set([".xlsx", ".xlsm"]);

export async function readTable(file: string, options: ReadOptions = {}): Promise<Table> {
  const path = nodePath.resolve(file);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError("cli.error.noFile", { file });
    throw new CliError("cli.error.unreadable", { file, detail: (e as Error).message });
  }
  if (stat.isDirectory()) throw new CliError("cli.error.isDirectory", { file });
  try {
    await fs.promises.access(path, fs.constants.R_OK);
  } catch (e) {
    throw new CliError("cli.error.unreadable", { file, detail: (e as Error).message });
  }
  if (stat.size === 0) throw new CliError("cli.error.emptyFile", { file });
  const ext = nodePath.extname(file).toLowerCase();
  if (XLSX_EXT.has(ext)) {
    const parts = await readXlsx(path, file, options.sheet);
    return { file, format: "xlsx", ...parts };
  }
  if (ext === ".xls" || ext === ".et") throw new CliError("cli.error.oldXls", { file });
  if (CSV_EXT.has(ext)) {
    const parts = await readCsv(path, file);
    return { file, format: "csv", sheetName: null, sheetNames: [], ...parts };
  }
  throw new CliError("cli.error.extension", { file, ext: ext || "(none)" });
}
