/**
 * A recording fake of the part of the Excel JavaScript API (Office.js) that the renderer uses.
 *
 * - Proxies queue actions; nothing happens until `context.sync()`, which applies the queued actions
 *   in order to an in-memory workbook. As in Excel, a batch is not transactional: actions before a
 *   failing one stay applied, the rest are dropped, and sync rejects with an error carrying a code.
 * - Every request is recorded: its size as Office.js-like JSON (actions + object paths), whether it
 *   suspended calculation, whether it wrote cells. Requests over 5 MB are rejected, as Excel on the
 *   web does (RequestPayloadSizeLimitExceeded).
 * - Reading a property that was not loaded (and synced) throws, as Office.js does.
 * - Unknown API members throw at once ("not part of the API") so a misspelt property cannot pass.
 * - Cell input follows Excel's typed-input rules: a string starting with "=" becomes a formula
 *   ("+"/"-" followed by a non-number and "@…" too), numeric-, boolean-, percent- and date-looking
 *   strings become numbers/Booleans — unless the cell is text-formatted ("@") when written or the
 *   string starts with an apostrophe (stripped, the rest stored as text).
 * - `formulasR1C1` input is converted to A1 by this file's own small converter (independent of the
 *   renderer's), so tests compare the stored A1 formulas with the model's.
 * - Names follow Excel's rules: sheet names (≤31, no []:*?/\, no leading/trailing apostrophe, not
 *   History, unique case-insensitively), table and defined names (one namespace, valid characters,
 *   not cell-reference-like), list-validation sources (≤255 characters unless a reference).
 * Failures can be injected with `failWhen`.
 *
 * Reading (added for the task pane's actions, see "reading" below): ranges load address, values,
 * formulas and their position; the selection (`select`), current regions (getSurroundingRegion),
 * used ranges, tables at a range, table ranges, worksheet/workbook protection (writes to a
 * protected sheet and sheet changes in a protected workbook fail with `protectionErrorCode`),
 * response sizes (loads over 5 MB fail with ResponsePayloadSizeLimitExceeded), and a fake of the
 * Office global (FakeOffice: document settings, requirement sets, add-in commands).
 */

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
/** Excel on the web also limits what a sync returns (loaded values). */
export const WEB_RESPONSE_LIMIT = 5 * 1024 * 1024;

export type Scalar = string | number | boolean;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeCell {
  value: Scalar | null;
  /** A1 formula with its "=" when the cell holds a formula. */
  formula?: string;
  /** Stored with Excel's quote prefix (the input started with an apostrophe). */
  quotePrefix?: boolean;
}

interface FormatRecord {
  rect: Rect;
  path: string;
  value: unknown;
}

interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  props: Record<string, unknown>;
  calls: { method: string; args: unknown[] }[];
  series: FakeSeries[];
}

interface FakeSeries {
  props: Record<string, unknown>;
  values?: string;
  xValues?: string;
  bubbleSizes?: string;
  fill?: string;
}

interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  props: Record<string, unknown>;
}

interface FakeValidation {
  rect: Rect;
  props: Record<string, unknown>;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<number, FakeCell>;
  numberFormats: { rect: Rect; value: string }[];
  formats: FormatRecord[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  merges: Rect[];
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  conditionalFormats: FakeConditionalFormat[];
  validations: FakeValidation[];
  charts: FakeChart[];
  /** Page layout set through worksheet.pageLayout (ExcelApi 1.9): properties, print area and title rows as addresses. */
  pageLayout?: FakePageLayout;
}

interface FakePageLayout {
  props: Record<string, unknown>;
  printArea?: string;
  printTitleRows?: string;
}

export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  hasHeaders: boolean;
  style?: string;
  showTotals?: boolean;
}

export interface FakeName {
  name: string;
  /** Sheet id when sheet-scoped. */
  scope?: string;
  ref: { sheetId: string; rect: Rect } | { formula: string };
  comment?: string;
}

export interface FakeRequest {
  bytes: number;
  actions: number;
  /** Index of the suspendApiCalculationUntilNextSync action, or -1. */
  suspendAt: number;
  /** Index of the first action that writes cells, or -1. */
  firstWriteAt: number;
  /** Short descriptions of the actions (only for requests of at most 2,000 actions). */
  log: string[];
  /** Size of what the sync returned: JSON of the loaded range values/formulas (0 when none). */
  responseBytes?: number;
}

export interface ActionInfo {
  /** Path of the object the action is on, e.g. "workbook.worksheets.add(Plan).getRange(A1:C3)". */
  readonly target: string;
  /** Property set, method called or "load". */
  readonly name: string;
  readonly kind: "set" | "call" | "load";
  readonly args: readonly unknown[];
  /** Name of the worksheet the action is on (at the time it is applied), if any. */
  readonly sheetName?: string;
}

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

/* ------------------------------------------------------------------ addresses */

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses "A1", "A1:C3", "A:C", "3:5" (optionally with $) into a 0-based rectangle. */
export function parseAddress(address: string): Rect {
  const a = address.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const c0 = colNumber(m[1]) - 1;
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? colNumber(m[3]) - 1 : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    return check({ row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 }, address);
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const c0 = colNumber(m[1]) - 1;
    const c1 = colNumber(m[2]) - 1;
    return check({ row: 0, col: Math.min(c0, c1), rows: MAX_ROWS, cols: Math.abs(c1 - c0) + 1 }, address);
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r0 = Number(m[1]) - 1;
    const r1 = Number(m[2]) - 1;
    return check({ row: Math.min(r0, r1), col: 0, rows: Math.abs(r1 - r0) + 1, cols: MAX_COLS }, address);
  }
  throw new FakeOfficeError("InvalidArgument", `The address "${address}" is not valid.`);
}

function check(r: Rect, address: string): Rect {
  if (r.row < 0 || r.col < 0 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
    throw new FakeOfficeError("InvalidArgument", `The address "${address}" is outside the grid.`);
  }
  return r;
}

function formatAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const tl = `${d}${colLetters(r.col + 1)}${d}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${d}${colLetters(r.col + r.cols)}${d}${r.row + r.rows}`;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

const within = (r: number, c: number, rect: Rect): boolean =>
  r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;

const cellKey = (r: number, c: number): number => r * MAX_COLS + c;

/* ------------------------------------------------------------------ Excel's input rules */

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const DATE_LIKE = /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/;
const MONTH_DATE = /^\s*(\d{1,2}[- ])?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([- ]\d{1,4})?\s*$/i;

/** R1C1 → A1 for cell references (R, R2, R[-1] with C, C3, C[2]); string literals untouched. */
export function fakeR1C1ToA1(formula: string, row: number, col: number): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.\]])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(![])/g,
            (_m, pre: string, rp?: string, cp?: string) => {
              const conv = (p: string | undefined, here: number): [string, number] =>
                p === undefined ? ["", here] : p.startsWith("[") ? ["", here + Number(p.slice(1, -1))] : ["$", Number(p)];
              const [rd, r] = conv(rp, row + 1);
              const [cd, c] = conv(cp, col + 1);
              if (r < 1 || c < 1 || r > MAX_ROWS || c > MAX_COLS)
                throw new FakeOfficeError("InvalidArgument", `bad R1C1 reference in ${formula}`);
              return `${pre}${cd}${colLetters(c)}${rd}${r}`;
            },
          ),
    )
    .join("");
}

/** What Excel stores for an input, as if typed (values/formulas setters); null clears the cell. */
export function excelInput(v: unknown, textFormatted: boolean, r1c1?: { row: number; col: number }): FakeCell | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FakeOfficeError("InvalidArgument", "not a finite number");
    return { value: v };
  }
  if (typeof v === "boolean") return { value: v };
  if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", `cannot write ${JSON.stringify(v)} to a cell`);
  if (v.length > 32767) throw new FakeOfficeError("InvalidArgument", "text longer than 32,767 characters");
  if (v === "") return null;
  if (textFormatted) return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1), quotePrefix: true };
  const formula = (f: string): FakeCell => ({ value: null, formula: r1c1 ? "=" + fakeR1C1ToA1(f.slice(1), r1c1.row, r1c1.col) : f });
  if (v.startsWith("=") && v.length > 1) return formula(v);
  if (NUMERIC.test(v)) return { value: Number(v) };
  if ((v.startsWith("+") || v.startsWith("-")) && v.length > 1) return formula("=" + v);
  if (v.startsWith("@") && v.length > 1) return formula("=" + v.slice(1));
  if (/^\s*(true|false)\s*$/i.test(v)) return { value: v.trim().toUpperCase() === "TRUE" };
  if (PERCENT.test(v)) return { value: Number(v.replace("%", "")) / 100 };
  if (DATE_LIKE.test(v) || MONTH_DATE.test(v)) return { value: 45000 }; // some date serial: no longer the text
  return { value: v };
}

/* ------------------------------------------------------------------ name rules */

const key = (s: string): string => s.toUpperCase();

function checkSheetName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    key(name) === "HISTORY"
  ) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name ${JSON.stringify(name)} is not valid.`);
  }
  return name;
}

function checkDefinedName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[Rr]\d*([Cc]\d*)?$/.test(name) ||
    /^[Cc]\d*$/.test(name) ||
    /^(TRUE|FALSE)$/i.test(name)
  ) {
    throw new FakeOfficeError("InvalidArgument", `The name ${JSON.stringify(name)} is not valid.`);
  }
  return name;
}

/* ------------------------------------------------------------------ requests */

interface PathNode {
  readonly id: number;
  readonly name: string;
  readonly args: readonly unknown[];
  readonly parent?: PathNode;
  readonly text: string;
}

interface Action {
  readonly path: PathNode;
  readonly info: Omit<ActionInfo, "sheetName">;
  readonly sheet?: () => FakeSheet | undefined;
  readonly writesCells?: boolean;
  readonly suspend?: boolean;
  readonly apply: () => void;
  /** What a load returns (measured as the response size), computed after apply. */
  readonly response?: () => unknown;
}

const PROXY_PATH = Symbol("path");

function argJson(a: unknown): unknown {
  if (a && typeof a === "object" && PROXY_PATH in a) return { _ObjectPathId: (a as { [PROXY_PATH]: PathNode })[PROXY_PATH].id };
  return a;
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/* ------------------------------------------------------------------ the fake */

export interface FakeExcelOptions {
  /** Requirement sets: isSetSupported("ExcelApi", v) answers v <= this (default "1.17"). */
  apiVersion?: string;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  calculationMode = "Automatic";
  calculationModeSets: string[] = [];
  activeSheetId?: string;
  requests: FakeRequest[] = [];
  /** Return an error (or true) to make the action fail when applied. */
  failWhen?: (action: ActionInfo) => boolean | Error | undefined;
  apiVersion: string;
  /** The selection (set with select()): sheet id, selected range and active cell. */
  selection?: { sheetId: string; range: Rect; active: Rect };
  /** Ids of protected worksheets; writing cells on them fails. */
  protectedSheetIds = new Set<string>();
  /** Workbook structure protection: adding, renaming and deleting sheets fail. */
  workbookProtected = false;
  /** The error code protection violations fail with. */
  protectionErrorCode = "InvalidOperation";
  private ids = 0;
  private pathIds = 0;
  private pending: Action[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.17";
  }

  /* ---- test-side setup and inspection */

  isSetSupported = (version: string): boolean => {
    const [a, b] = version.split(".").map(Number);
    const [x, y] = this.apiVersion.split(".").map(Number);
    return a < x || (a === x && (b ?? 0) <= (y ?? 0));
  };

  get syncs(): number {
    return this.requests.length;
  }

  newSheet(name: string): FakeSheet {
    checkSheetName(name);
    if (this.sheets.some((s) => key(s.name) === key(name)))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    const sheet: FakeSheet = {
      id: `{sheet-${++this.ids}}`,
      name,
      cells: new Map(),
      numberFormats: [],
      formats: [],
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      merges: [],
      conditionalFormats: [],
      validations: [],
      charts: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Puts user data into a sheet as Excel would store it (strings as text, "=…" as formulas). */
  seed(sheetName: string, cells: Record<string, Scalar | { formula: string }>): void {
    const sheet = this.sheet(sheetName);
    for (const [addr, v] of Object.entries(cells)) {
      const r = parseAddress(addr);
      const cell: FakeCell = typeof v === "object" ? { value: null, formula: v.formula } : { value: v };
      sheet.cells.set(cellKey(r.row, r.col), cell);
    }
  }

  /** Puts a block of user data (rows of values; null leaves a cell empty) with its top-left cell at `topLeft`. */
  seedRows(sheetName: string, topLeft: string, rows: readonly (readonly (Scalar | null)[])[]): void {
    const sheet = this.sheet(sheetName);
    const at = parseAddress(topLeft);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.cells.set(cellKey(at.row + r, at.col + c), { value: v });
      }),
    );
  }

  addTable(sheetName: string, address: string, name: string): FakeTable {
    const sheet = this.sheet(sheetName);
    const t: FakeTable = {
      id: `{table-${++this.ids}}`,
      name: checkDefinedName(name),
      sheetId: sheet.id,
      rect: parseAddress(address),
      hasHeaders: true,
    };
    this.tables.push(t);
    return t;
  }

  addName(name: string, sheetName: string, address: string, scope?: string): FakeName {
    const sheet = this.sheet(sheetName);
    const n: FakeName = {
      name: checkDefinedName(name),
      ref: { sheetId: sheet.id, rect: parseAddress(address) },
      scope: scope ? this.sheet(scope).id : undefined,
    };
    this.names.push(n);
    return n;
  }

  sheet(nameOrId: string): FakeSheet {
    const s = this.findSheet(nameOrId);
    if (!s) throw new Error(`fake: no sheet ${nameOrId}`);
    return s;
  }

  findSheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === nameOrId || key(s.name) === key(nameOrId));
  }

  /** Selects a range (and its active cell: the top-left one unless given) and activates its sheet. */
  select(sheetName: string, address: string, activeCell?: string): void {
    const sheet = this.sheet(sheetName);
    const range = parseAddress(address);
    const active = activeCell ? parseAddress(activeCell) : { row: range.row, col: range.col, rows: 1, cols: 1 };
    this.selection = { sheetId: sheet.id, range, active };
    this.activeSheetId = sheet.id;
  }

  /** Protects (or unprotects) a worksheet. */
  protectSheet(sheetName: string, on = true): void {
    const id = this.sheet(sheetName).id;
    if (on) this.protectedSheetIds.add(id);
    else this.protectedSheetIds.delete(id);
  }

  /** Fails the call, as a host without the requirement set does, when the API is above apiVersion. */
  requireApi(version: string, what: string): void {
    if (!this.isSetSupported(version))
      throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}; this host has ${this.apiVersion}.`);
  }

  /** Excel's current region around a range: grown while a non-blank cell touches it (diagonals included). */
  currentRegion(sheet: FakeSheet, start: Rect): Rect {
    const filled = (r: number, c: number): boolean => {
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) return false;
      const cell = sheet.cells.get(cellKey(r, c));
      return !!cell && (cell.formula !== undefined || (cell.value !== null && cell.value !== ""));
    };
    let r0 = start.row;
    let c0 = start.col;
    let r1 = start.row + start.rows - 1;
    let c1 = start.col + start.cols - 1;
    const rowHas = (r: number) => {
      for (let c = c0 - 1; c <= c1 + 1; c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number) => {
      for (let r = r0 - 1; r <= r1 + 1; r++) if (filled(r, c)) return true;
      return false;
    };
    for (let changed = true; changed;) {
      changed = false;
      while (r0 > 0 && rowHas(r0 - 1)) {
        r0--;
        changed = true;
      }
      while (r1 < MAX_ROWS - 1 && rowHas(r1 + 1)) {
        r1++;
        changed = true;
      }
      while (c0 > 0 && colHas(c0 - 1)) {
        c0--;
        changed = true;
      }
      while (c1 < MAX_COLS - 1 && colHas(c1 + 1)) {
        c1++;
        changed = true;
      }
    }
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Bounding box of the non-blank cells of a sheet (within `inside`), or undefined when there are none. */
  usedRect(sheet: FakeSheet, inside?: Rect): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === undefined && (cell.value === null || cell.value === "")) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (inside && !within(r, c, inside)) continue;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  private checkStructure(): void {
    if (this.workbookProtected)
      throw new FakeOfficeError(this.protectionErrorCode, "The workbook is protected: sheets cannot be added, renamed or deleted.");
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const r = parseAddress(address);
    return this.sheet(sheetName).cells.get(cellKey(r.row, r.col));
  }

  /** Effective number format of a cell (last write wins), "General" when none. */
  numberFormatAt(sheet: FakeSheet, row: number, col: number): string {
    for (let i = sheet.numberFormats.length - 1; i >= 0; i--)
      if (within(row, col, sheet.numberFormats[i].rect)) return sheet.numberFormats[i].value;
    return "General";
  }

  /** Effective value of a range-format property at a cell ("font.bold", "fill.color", …). */
  formatAt(sheet: FakeSheet, row: number, col: number, path: string): unknown {
    for (let i = sheet.formats.length - 1; i >= 0; i--) {
      const f = sheet.formats[i];
      if (f.path === path && within(row, col, f.rect)) return f.value;
    }
    return undefined;
  }

  nameFormula(n: FakeName): string {
    if ("formula" in n.ref) return n.ref.formula;
    const ref = n.ref;
    const sheet = this.sheets.find((s) => s.id === ref.sheetId);
    if (!sheet) return "=#REF!";
    return `='${sheet.name.replace(/'/g, "''")}'!${formatAddress(ref.rect, true)}`;
  }

  /** Deep, order-stable copy of everything (for before/after comparisons). */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify({
        sheets: this.sheets.map((s) => ({
          ...s,
          cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
          columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
          hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        })),
        tables: this.tables,
        names: this.names.map((n) => ({ ...n, formula: this.nameFormula(n) })),
        calculationMode: this.calculationMode,
      }),
    );
  }

  context(): Excel.RequestContext {
    return new FakeContext(this) as unknown as Excel.RequestContext;
  }

  /* ---- request machinery */

  node(name: string, args: readonly unknown[], parent?: PathNode): PathNode {
    const shown = args
      .map((a) => (a && typeof a === "object" && PROXY_PATH in a ? "<obj>" : typeof a === "string" ? a : JSON.stringify(a)))
      .join(",");
    const text = `${parent ? parent.text + "." : ""}${name}${args.length || /^(add|get|getItem)/.test(name) ? `(${shown})` : ""}`;
    return { id: ++this.pathIds, name, args, parent, text };
  }

  queue(action: Action): void {
    this.pending.push(action);
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const request = this.measure(batch);
    this.requests.push(request);
    if (request.bytes > WEB_REQUEST_LIMIT) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request.bytes} bytes).`,
      );
    }
    for (const action of batch) {
      const sheetName = action.sheet?.()?.name;
      const info: ActionInfo = { ...action.info, sheetName };
      const fail = this.failWhen?.(info);
      if (fail)
        throw fail instanceof Error
          ? fail
          : new FakeOfficeError("GeneralException", `Injected failure at ${info.target}.${info.name}`, info.target);
      try {
        action.apply();
      } catch (e) {
        if (e instanceof FakeOfficeError) throw e;
        throw new FakeOfficeError("GeneralException", (e as Error).message, info.target);
      }
    }
    if (batch.some((a) => a.response)) {
      request.responseBytes = batch.reduce((n, a) => n + (a.response ? utf8Length(JSON.stringify(a.response()) ?? "null") : 0), 0);
      if (request.responseBytes > WEB_RESPONSE_LIMIT) {
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit (${request.responseBytes} bytes).`,
        );
      }
    }
    await Promise.resolve();
  }

  private measure(batch: readonly Action[]): FakeRequest {
    const paths = new Map<number, unknown>();
    const addPath = (p: PathNode | undefined): void => {
      for (let n = p; n && !paths.has(n.id); n = n.parent) {
        paths.set(n.id, {
          Id: n.id,
          ObjectPathType: n.parent ? 3 : 1,
          Name: n.name,
          ParentObjectPathId: n.parent?.id,
          ArgumentInfo: { Arguments: n.args.map(argJson) },
        });
        n.args.forEach((a) => a && typeof a === "object" && PROXY_PATH in a && addPath((a as { [PROXY_PATH]: PathNode })[PROXY_PATH]));
      }
    };
    const actions = batch.map((a, i) => {
      addPath(a.path);
      a.info.args.forEach((x) => x && typeof x === "object" && PROXY_PATH in x && addPath((x as { [PROXY_PATH]: PathNode })[PROXY_PATH]));
      return {
        Id: i + 1,
        ActionType: a.info.kind === "set" ? 4 : a.info.kind === "call" ? 3 : 2,
        Name: a.info.name,
        ObjectPathId: a.path.id,
        ArgumentInfo: { Arguments: a.info.args.map(argJson) },
      };
    });
    const json = JSON.stringify({ Actions: actions, ObjectPaths: Object.fromEntries(paths) }, (_k, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v) && PROXY_PATH in v
        ? { _ObjectPathId: (v as { [PROXY_PATH]: PathNode })[PROXY_PATH].id }
        : v,
    );
    return {
      bytes: utf8Length(json),
      actions: batch.length,
      suspendAt: batch.findIndex((a) => a.suspend),
      firstWriteAt: batch.findIndex((a) => a.writesCells),
      log: batch.length <= 2000 ? batch.map((a) => `${a.info.target}.${a.info.name}`) : [],
    };
  }

  /* ---- model operations (applied at sync) */

  addSheetNow(name: unknown): FakeSheet {
    this.checkStructure();
    return this.newSheet(checkSheetName(name));
  }

  renameSheet(sheet: FakeSheet, name: unknown): void {
    this.checkStructure();
    checkSheetName(name);
    if (this.sheets.some((s) => s !== sheet && key(s.name) === key(name as string)))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    sheet.name = name as string;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.checkStructure();
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.names = this.names.filter((n) => n.scope !== sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id;
  }

  nameTaken(name: string, except?: object): boolean {
    return (
      this.tables.some((t) => t !== except && key(t.name) === key(name)) ||
      this.names.some((n) => n !== except && key(n.name) === key(name))
    );
  }

  writeCells(sheet: FakeSheet, rect: Rect, prop: "values" | "formulas" | "formulasR1C1", value: unknown): void {
    if (this.protectedSheetIds.has(sheet.id))
      throw new FakeOfficeError(this.protectionErrorCode, "The cell or chart you're trying to change is on a protected sheet.");
    if (rect.rows * rect.cols > 5_000_000) throw new FakeOfficeError("InvalidArgument", "range too large to write");
    const at = (r: number, c: number): unknown => {
      if (!Array.isArray(value)) return value;
      return (value as unknown[][])[r][c];
    };
    if (Array.isArray(value)) {
      const rows = value as unknown[];
      if (rows.length !== rect.rows || rows.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${formatAddress(rect)}).`,
        );
      }
    }
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.cols; c++) {
        const v = at(r, c);
        if (v === null || v === undefined) continue; // null: leave the cell as it is
        const row = rect.row + r;
        const col = rect.col + c;
        const stored = excelInput(v, this.numberFormatAt(sheet, row, col) === "@", prop === "formulasR1C1" ? { row, col } : undefined);
        if (stored === null) sheet.cells.delete(cellKey(row, col));
        else sheet.cells.set(cellKey(row, col), stored);
      }
    }
  }
}

/* ------------------------------------------------------------------ proxies */

type Resolver<T> = () => T;

abstract class ProxyBase {
  [PROXY_PATH]: PathNode;
  protected loaded = new Set<string>();
  constructor(
    protected readonly fake: FakeExcel,
    path: PathNode,
  ) {
    this[PROXY_PATH] = path;
  }
  protected q(kind: ActionInfo["kind"], name: string, args: unknown[], apply: () => void, extra: Partial<Action> = {}): void {
    this.fake.queue({ path: this[PROXY_PATH], info: { target: this[PROXY_PATH].text, name, kind, args }, apply, ...extra });
  }
  protected need<T>(prop: string, value: T): T {
    if (!this.loaded.has(prop))
      throw new Error(`PropertyNotLoaded: ${this[PROXY_PATH].text}.${prop} was not loaded (load it and sync first).`);
    return value;
  }
  protected child(name: string, args: unknown[] = []): PathNode {
    return this.fake.node(name, args, this[PROXY_PATH]);
  }
}

/** A recording object whose allowed properties/children/methods are listed (unknown ones throw). */
interface Schema {
  props?: readonly string[];
  children?: Record<string, Schema>;
  /** Method name → handler called at apply time with the resolved state; returns nothing. */
  methods?: readonly string[];
}

function strictNode(
  fake: FakeExcel,
  path: PathNode,
  schema: Schema,
  onSet: (propPath: string, value: unknown) => void,
  onCall: (method: string, args: unknown[]) => void,
  sheet: () => FakeSheet | undefined,
  prefix = "",
  special: Record<string, (args: unknown[]) => unknown> = {},
): unknown {
  const cache = new Map<string, unknown>();
  const target = { [PROXY_PATH]: path };
  return new Proxy(target, {
    get(t, prop) {
      if (prop === PROXY_PATH) return path;
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
      if (special[prop]) return special[prop];
      if (schema.children?.[prop]) {
        if (!cache.has(prop))
          cache.set(prop, strictNode(fake, fake.node(prop, [], path), schema.children[prop], onSet, onCall, sheet, `${prefix}${prop}.`));
        return cache.get(prop);
      }
      if (schema.methods?.includes(prop)) {
        return (...args: unknown[]) =>
          fake.queue({
            path,
            info: { target: path.text, name: prop, kind: "call", args },
            sheet,
            apply: () => onCall(`${prefix}${prop}`, args),
          });
      }
      throw new TypeError(`fake Excel: ${path.text}.${prop} is not part of the API (or not modelled)`);
    },
    set(t, prop, value) {
      if (typeof prop === "symbol" || !schema.props?.includes(prop))
        throw new TypeError(`fake Excel: cannot set ${path.text}.${String(prop)}`);
      fake.queue({
        path,
        info: { target: path.text, name: prop, kind: "set", args: [value] },
        sheet,
        apply: () => onSet(`${prefix}${prop}`, value),
      });
      return true;
    },
  });
}

const FONT: Schema = { props: ["bold", "italic", "color", "size", "name", "underline", "strikethrough"] };
const FILL: Schema = { props: ["color", "pattern"], methods: ["clear"] };
const BORDER: Schema = { props: ["style", "color", "weight"] };
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const RANGE_FORMAT: Schema = {
  props: [
    "columnWidth",
    "rowHeight",
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
    "indentLevel",
    "shrinkToFit",
    "textOrientation",
  ],
  children: { font: FONT, fill: FILL },
  methods: ["autofitColumns", "autofitRows"],
};
const CF_RANGE_FORMAT: Schema = {
  props: ["numberFormat"],
  children: { font: { props: ["bold", "italic", "color", "strikethrough", "underline"] }, fill: { props: ["color"] } },
};
const CONDITIONAL_FORMAT: Record<string, string> = {
  ColorScale: "colorScale",
  DataBar: "dataBar",
  CellValue: "cellValue",
  ContainsText: "textComparison",
  Custom: "custom",
  IconSet: "iconSet",
  TopBottom: "topBottom",
  PresetCriteria: "preset",
};
const CF_SCHEMA: Schema = {
  props: ["stopIfTrue", "priority"],
  children: {
    colorScale: { props: ["criteria"] },
    dataBar: {
      props: ["barDirection", "showDataBarOnly", "axisColor", "axisFormat", "lowerBoundRule", "upperBoundRule"],
      children: {
        positiveFormat: { props: ["fillColor", "gradientFill", "borderColor"] },
        negativeFormat: { props: ["fillColor", "borderColor", "matchPositiveFillColor", "matchPositiveBorderColor"] },
      },
    },
    cellValue: { props: ["rule"], children: { format: CF_RANGE_FORMAT } },
    textComparison: { props: ["rule"], children: { format: CF_RANGE_FORMAT } },
    custom: { children: { rule: { props: ["formula"] }, format: CF_RANGE_FORMAT } },
  },
};
const AXIS: Schema = {
  props: [
    "maximum",
    "minimum",
    "numberFormat",
    "majorUnit",
    "minorUnit",
    "visible",
    "displayUnit",
    "reversePlotOrder",
    "scaleType",
    "logBase",
  ],
  children: { title: { props: ["text", "visible"] } },
};
const SERIES: Schema = {
  props: [
    "name",
    "chartType",
    "axisGroup",
    "markerStyle",
    "markerBackgroundColor",
    "markerForegroundColor",
    "markerSize",
    "hasDataLabels",
    "smooth",
    "gapWidth",
    "overlap",
    "plotOrder",
  ],
  methods: ["setValues", "setXAxisValues", "setBubbleSizes", "delete"],
  children: {
    format: {
      children: { fill: { methods: ["setSolidColor", "clear"] }, line: { props: ["color", "lineStyle", "weight"], methods: ["clear"] } },
    },
  },
};
const CHART: Schema = {
  props: ["name", "plotVisibleOnly", "top", "left", "height", "width", "style", "showAllFieldButtons"],
  methods: ["setPosition", "delete", "activate"],
  children: {
    title: { props: ["text", "visible", "overlay"] },
    legend: { props: ["position", "visible", "overlay"] },
    axes: { children: { categoryAxis: AXIS, valueAxis: AXIS, seriesAxis: AXIS } },
  },
};
const CHART_TYPES = new Set([
  "ColumnClustered",
  "Line",
  "LineMarkers",
  "XYScatter",
  "XYScatterLines",
  "XYScatterLinesNoMarkers",
  "Bubble",
  "BarClustered",
  "Pie",
  "Area",
]);
const DATA_VALIDATION: Schema = { props: ["rule", "prompt", "errorAlert", "ignoreBlanks"], methods: ["clear"] };
const PAGE_LAYOUT: Schema = {
  props: [
    "orientation",
    "zoom",
    "printOrder",
    "paperSize",
    "centerHorizontally",
    "centerVertically",
    "blackAndWhite",
    "draftMode",
    "firstPageNumber",
    "printComments",
    "printErrors",
    "printGridlines",
    "printHeadings",
    "leftMargin",
    "rightMargin",
    "topMargin",
    "bottomMargin",
    "headerMargin",
    "footerMargin",
  ],
  methods: ["setPrintArea", "setPrintTitleRows", "setPrintTitleColumns", "setPrintMargins"],
};

class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  constructor(private readonly fake: FakeExcel) {
    const root = fake.node("workbook", []);
    this.workbook = new WorkbookProxy(fake, root);
    this.application = this.workbook.application;
  }
  sync(): Promise<void> {
    return this.fake.sync();
  }
}

class WorkbookProxy extends ProxyBase {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(fake: FakeExcel, path: PathNode) {
    super(fake, path);
    this.worksheets = new WorksheetCollectionProxy(fake, this.child("worksheets"));
    this.tables = new TableCollectionProxy(fake, this.child("tables"), undefined);
    this.names = new NamedItemCollectionProxy(fake, this.child("names"), undefined);
    this.application = new ApplicationProxy(fake, this.child("application"));
    this.protection = new ProtectionProxy(fake, this.child("protection"), () => fake.workbookProtected);
  }
  /** Workbook structure protection (ExcelApi 1.7). */
  readonly protection: ProtectionProxy;
  private selectionSheet(): WorksheetProxy {
    return new WorksheetProxy(this.fake, this.child("getActiveWorksheet"), () => {
      const sel = this.fake.selection;
      const s = sel ? this.fake.findSheet(sel.sheetId) : undefined;
      if (!s) throw new FakeOfficeError("InvalidSelection", "nothing is selected");
      return s;
    });
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.fake, this.child("getSelectedRange"), this.selectionSheet(), "getSelectedRange()", () => {
      if (!this.fake.selection) throw new FakeOfficeError("InvalidSelection", "nothing is selected");
      return this.fake.selection.range;
    });
  }
  getActiveCell(): RangeProxy {
    this.fake.requireApi("1.7", "Workbook.getActiveCell");
    return new RangeProxy(this.fake, this.child("getActiveCell"), this.selectionSheet(), "getActiveCell()", () => {
      if (!this.fake.selection) throw new FakeOfficeError("InvalidSelection", "nothing is selected");
      return this.fake.selection.active;
    });
  }
}

/** Worksheet or workbook protection: load("protected"). */
class ProtectionProxy extends ProxyBase {
  private value?: boolean;
  constructor(
    fake: FakeExcel,
    path: PathNode,
    private readonly read: () => boolean,
  ) {
    super(fake, path);
  }
  get protected(): boolean {
    return this.need("protected", this.value!);
  }
  load(props?: string): this {
    if (props !== undefined && props.trim() !== "protected") throw new TypeError(`fake Excel: protection.${props} is not modelled`);
    this.q("load", "load", ["protected"], () => {
      this.value = this.read();
      this.loaded.add("protected");
    });
    return this;
  }
}

class ApplicationProxy extends ProxyBase {
  private mode = "";
  suspendApiCalculationUntilNextSync(): void {
    this.q("call", "suspendApiCalculationUntilNextSync", [], () => undefined, { suspend: true });
  }
  get calculationMode(): string {
    return this.need("calculationMode", this.mode);
  }
  set calculationMode(v: string) {
    this.q("set", "calculationMode", [v], () => {
      this.fake.calculationMode = v;
      this.fake.calculationModeSets.push(v);
    });
  }
  load(props: string): this {
    this.q("load", "load", [props], () => {
      this.mode = this.fake.calculationMode;
      this.loaded.add("calculationMode");
    });
    return this;
  }
}

class WorksheetCollectionProxy extends ProxyBase {
  private loadedItems?: WorksheetProxy[];
  get items(): WorksheetProxy[] {
    return this.need("items", this.loadedItems!);
  }
  add(name?: string): WorksheetProxy {
    let state: FakeSheet | undefined;
    const proxy = new WorksheetProxy(this.fake, this.child("add", name === undefined ? [] : [name]), () => {
      if (!state) throw new FakeOfficeError("InvalidObjectPath", "the worksheet was not created");
      return state;
    });
    this.q("call", "add", name === undefined ? [] : [name], () => {
      state = this.fake.addSheetNow(name ?? `Sheet${this.fake.sheets.length + 1}`);
    });
    return proxy;
  }
  getItem(k: string): WorksheetProxy {
    return new WorksheetProxy(this.fake, this.child("getItem", [k]), () => {
      const s = this.fake.findSheet(k);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${k}).`);
      return s;
    });
  }
  getItemOrNullObject(k: string): WorksheetProxy {
    return new WorksheetProxy(
      this.fake,
      this.child("getItemOrNullObject", [k]),
      () => {
        const s = this.fake.findSheet(k);
        if (!s) throw new FakeOfficeError("InvalidObjectPath", `null object ${k} used`);
        return s;
      },
      () => this.fake.findSheet(k),
    );
  }
  load(props: string): this {
    this.q("load", "load", [props], () => {
      this.loadedItems = this.fake.sheets.map((s) => {
        const p = new WorksheetProxy(this.fake, this.child("getItem", [s.id]), () => {
          const found = this.fake.findSheet(s.id);
          if (!found) throw new FakeOfficeError("ItemNotFound", `sheet ${s.id} is gone`);
          return found;
        });
        p.setLoaded(s);
        return p;
      });
      this.loaded.add("items");
    });
    return this;
  }
}

class WorksheetProxy extends ProxyBase {
  private state?: { id: string; name: string; isNull: boolean };
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: unknown;
  constructor(
    fake: FakeExcel,
    path: PathNode,
    readonly resolve: Resolver<FakeSheet>,
    private readonly resolveOrNull?: () => FakeSheet | undefined,
  ) {
    super(fake, path);
    this.tables = new TableCollectionProxy(fake, this.child("tables"), this);
    this.names = new NamedItemCollectionProxy(fake, this.child("names"), this);
    this.charts = new ChartCollectionProxy(fake, this.child("charts"), this);
    this.freezePanes = strictNode(
      fake,
      this.child("freezePanes"),
      { methods: ["freezeRows", "freezeColumns", "freezeAt", "unfreeze"] },
      () => undefined,
      (method, args) => {
        const s = this.resolve();
        if (method === "freezeRows") s.freeze = { rows: Number(args[0] ?? 1), cols: s.freeze?.cols ?? 0 };
        else if (method === "freezeColumns") s.freeze = { rows: s.freeze?.rows ?? 0, cols: Number(args[0] ?? 1) };
        else if (method === "freezeAt") {
          const rect = rectOf(args[0], s);
          if (rect.row !== 0 || rect.col !== 0) throw new FakeOfficeError("InvalidArgument", "freezeAt needs a range at A1");
          s.freeze = { rows: rect.rows, cols: rect.cols };
        } else s.freeze = undefined;
      },
      () => this.resolve(),
    );
  }
  setLoaded(s: FakeSheet): void {
    this.state = { id: s.id, name: s.name, isNull: false };
    this.loaded.add("id").add("name").add("isNullObject");
  }
  get id(): string {
    return this.need("id", this.state?.id as string);
  }
  get name(): string {
    return this.need("name", this.state?.name as string);
  }
  set name(v: string) {
    this.q("set", "name", [v], () => this.fake.renameSheet(this.resolve(), v), { sheet: () => this.resolve() });
  }
  get isNullObject(): boolean {
    return this.need("isNullObject", this.state?.isNull as boolean);
  }
  set tabColor(v: string) {
    this.q(
      "set",
      "tabColor",
      [v],
      () => {
        if (!/^#[0-9A-Fa-f]{6}$/.test(v) && v !== "") throw new FakeOfficeError("InvalidArgument", `bad colour ${v}`);
        this.resolve().tabColor = v;
      },
      { sheet: () => this.resolve() },
    );
  }
  load(props: string): this {
    this.q(
      "load",
      "load",
      [props],
      () => {
        const s = this.resolveOrNull ? this.resolveOrNull() : this.resolve();
        this.state = s ? { id: s.id, name: s.name, isNull: false } : { id: "", name: "", isNull: true };
        this.loaded.add("id").add("name").add("isNullObject");
      },
      { sheet: () => (this.resolveOrNull ? this.resolveOrNull() : this.resolve()) },
    );
    return this;
  }
  delete(): void {
    this.q("call", "delete", [], () => this.fake.deleteSheet(this.resolve()), { sheet: () => this.resolve() });
  }
  activate(): void {
    this.q(
      "call",
      "activate",
      [],
      () => {
        this.fake.activeSheetId = this.resolve().id;
      },
      { sheet: () => this.resolve() },
    );
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.fake, this.child("getRange", [address]), this, address);
  }
  /** Page layout (ExcelApi 1.9): orientation, zoom (fit to pages or scale), print area, title rows. */
  get pageLayout(): unknown {
    this.fake.requireApi("1.9", "Worksheet.pageLayout");
    const layoutOf = (): FakePageLayout => {
      const s = this.resolve();
      return (s.pageLayout ??= { props: {} });
    };
    return strictNode(
      this.fake,
      this.child("pageLayout"),
      PAGE_LAYOUT,
      (prop, value) => {
        if (prop === "orientation" && value !== "Portrait" && value !== "Landscape")
          throw new FakeOfficeError("InvalidArgument", `bad orientation ${String(value)}`);
        if (prop === "zoom") {
          const z = value as Record<string, unknown>;
          for (const [k, v] of Object.entries(z)) {
            if (!["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k) || (v !== null && (typeof v !== "number" || v < 0)))
              throw new FakeOfficeError("InvalidArgument", `bad zoom ${k}`);
          }
          if (typeof z.scale === "number" && (z.scale < 10 || z.scale > 400))
            throw new FakeOfficeError("InvalidArgument", "zoom scale outside 10–400");
        }
        layoutOf().props[prop] = value;
      },
      (method, args) => {
        const s = this.resolve();
        if (method === "setPrintArea") {
          // A range, or an address of one or more areas ("A1:G40,I5:P30").
          const parts = typeof args[0] === "string" ? args[0].split(",").map((a) => a.trim()) : [args[0]];
          layoutOf().printArea = parts.map((a) => formatAddress(rectOf(a, s))).join(",");
        } else if (method === "setPrintTitleRows") {
          const r = rectOf(args[0], s);
          if (r.col !== 0 || r.cols !== MAX_COLS) throw new FakeOfficeError("InvalidArgument", "print title rows must be whole rows");
          layoutOf().printTitleRows = `${r.row + 1}:${r.row + r.rows}`;
        } else layoutOf().props[method] = args;
      },
      () => this.resolve(),
    );
  }
  /** Worksheet protection (ExcelApi 1.2). */
  get protection(): ProtectionProxy {
    return new ProtectionProxy(this.fake, this.child("protection"), () => this.fake.protectedSheetIds.has(this.resolve().id));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.fake,
      this.child("getUsedRange", valuesOnly === undefined ? [] : [valuesOnly]),
      this,
      "getUsedRange()",
      () => this.fake.usedRect(this.resolve()) ?? { row: 0, col: 0, rows: 1, cols: 1 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.fake,
      this.child("getUsedRangeOrNullObject", valuesOnly === undefined ? [] : [valuesOnly]),
      this,
      "getUsedRangeOrNullObject()",
      () => this.fake.usedRect(this.resolve()),
      true,
    );
  }
}

function rectOf(arg: unknown, sheet: FakeSheet): Rect {
  if (typeof arg === "string") return parseAddress(arg);
  if (arg instanceof RangeProxy) {
    if (arg.sheet.resolve() !== sheet) throw new FakeOfficeError("InvalidArgument", "range is on another sheet");
    return arg.rect;
  }
  throw new FakeOfficeError("InvalidArgument", "expected a range");
}

class RangeProxy extends ProxyBase {
  private readonly fixedRect?: Rect;
  readonly format: unknown;
  readonly conditionalFormats: { add(type: string): unknown };
  readonly dataValidation: unknown;
  /** What was loaded (address, values, ...), after sync. */
  private state: Record<string, unknown> = {};
  constructor(
    fake: FakeExcel,
    path: PathNode,
    readonly sheet: WorksheetProxy,
    /** The address asked for (getRange), or a description of a derived range. */
    readonly requested: string,
    /** Derived ranges (regions, used ranges, table ranges) are found when the request is applied; undefined: a null object. */
    private readonly resolveRect?: () => Rect | undefined,
    private readonly orNull = false,
  ) {
    super(fake, path);
    if (!resolveRect) this.fixedRect = parseAddress(requested);
    const sheetOf = (): FakeSheet => this.sheet.resolve();
    this.format = strictNode(
      fake,
      this.child("format"),
      RANGE_FORMAT,
      (p, value) => this.setFormat(p, value),
      () => undefined,
      sheetOf,
      "",
      {
        borders: {
          getItem: (edge: unknown) => {
            if (!BORDER_EDGES.includes(edge as string)) throw new TypeError(`fake Excel: no border ${String(edge)}`);
            return strictNode(
              fake,
              fake.node("getItem", [edge], fake.node("borders", [], this.child("format"))),
              BORDER,
              (p, value) => this.setFormat(p, value),
              () => undefined,
              sheetOf,
              `borders.${edge}.`,
            );
          },
        } as unknown as (args: unknown[]) => unknown,
      },
    );
    const cfPath = this.child("conditionalFormats");
    this.conditionalFormats = {
      add: (type: string) => {
        const cf: FakeConditionalFormat = { rect: this.rect, type, props: {} };
        const prop = CONDITIONAL_FORMAT[type];
        const node = fake.node("add", [type], cfPath);
        fake.queue({
          path: node,
          info: { target: cfPath.text, name: "add", kind: "call", args: [type] },
          sheet: sheetOf,
          apply: () => {
            if (!prop) throw new FakeOfficeError("InvalidArgument", `unknown conditional format type ${type}`);
            sheetOf().conditionalFormats.push(cf);
          },
        });
        return strictNode(
          fake,
          node,
          CF_SCHEMA,
          (p, value) => {
            const head = p.split(".")[0];
            if (CF_SCHEMA.children?.[head] && head !== prop)
              throw new FakeOfficeError("InvalidArgument", `a ${type} conditional format has no ${head}`);
            cf.props[p] = value;
          },
          () => undefined,
          sheetOf,
        );
      },
    };
    this.dataValidation = strictNode(
      fake,
      this.child("dataValidation"),
      DATA_VALIDATION,
      (p, value) => {
        const s = sheetOf();
        let dv = s.validations.find(
          (v) =>
            v.rect.row === this.rect.row &&
            v.rect.col === this.rect.col &&
            v.rect.rows === this.rect.rows &&
            v.rect.cols === this.rect.cols,
        );
        if (!dv) {
          dv = { rect: this.rect, props: {} };
          s.validations.push(dv);
        }
        if (p === "rule") {
          const list = (value as { list?: { source?: unknown } }).list;
          if (list) {
            const src = list.source;
            if (typeof src === "string") {
              if (!src.startsWith("=") && src.length > 255)
                throw new FakeOfficeError("InvalidArgument", "list source longer than 255 characters");
              if (src === "") throw new FakeOfficeError("InvalidArgument", "empty list source");
            } else if (src instanceof RangeProxy) {
              value = { ...(value as object), list: { ...list, source: "=" + formatAddress(src.rect, true) } };
            } else throw new FakeOfficeError("InvalidArgument", "bad list source");
          }
        }
        if (p === "prompt") {
          const pr = value as { message?: string; title?: string };
          if ((pr.message?.length ?? 0) > 255 || (pr.title?.length ?? 0) > 32)
            throw new FakeOfficeError("InvalidArgument", "prompt too long");
        }
        dv.props[p] = value;
      },
      () => undefined,
      sheetOf,
    );
  }

  private setFormat(path: string, value: unknown): void {
    const s = this.sheet.resolve();
    if (path === "columnWidth") {
      if (typeof value !== "number" || !(value >= 0)) throw new FakeOfficeError("InvalidArgument", "bad column width");
      for (let c = this.rect.col; c < this.rect.col + this.rect.cols; c++) s.columnWidths.set(c, value);
      return;
    }
    if (/color$/i.test(path) && typeof value === "string" && !/^#[0-9A-Fa-f]{6}$/.test(value))
      throw new FakeOfficeError("InvalidArgument", `bad colour ${value}`);
    s.formats.push({ rect: this.rect, path, value });
  }

  private write(prop: "values" | "formulas" | "formulasR1C1" | "numberFormat", value: unknown): void {
    this.q(
      "set",
      prop,
      [value],
      () => {
        const s = this.sheet.resolve();
        if (prop === "numberFormat") {
          if (Array.isArray(value)) {
            (value as unknown[][]).forEach((row, r) =>
              row.forEach((v, c) =>
                s.numberFormats.push({ rect: { row: this.rect.row + r, col: this.rect.col + c, rows: 1, cols: 1 }, value: String(v) }),
              ),
            );
          } else {
            if (typeof value !== "string") throw new FakeOfficeError("InvalidArgument", "bad number format");
            s.numberFormats.push({ rect: this.rect, value });
          }
          return;
        }
        this.fake.writeCells(s, this.rect, prop, value);
      },
      { sheet: () => this.sheet.resolve(), writesCells: prop !== "numberFormat" },
    );
  }

  set formulasR1C1(v: unknown) {
    this.write("formulasR1C1", v);
  }
  set numberFormat(v: unknown) {
    this.write("numberFormat", v);
  }
  set columnHidden(v: boolean) {
    this.q(
      "set",
      "columnHidden",
      [v],
      () => {
        const s = this.sheet.resolve();
        for (let c = this.rect.col; c < this.rect.col + this.rect.cols; c++) {
          if (v) s.hiddenColumns.add(c);
          else s.hiddenColumns.delete(c);
        }
      },
      { sheet: () => this.sheet.resolve() },
    );
  }
  merge(across = false): void {
    this.q(
      "call",
      "merge",
      [across],
      () => {
        const s = this.sheet.resolve();
        if (s.merges.some((m) => overlaps(m, this.rect))) throw new FakeOfficeError("InvalidArgument", "overlapping merge");
        if (this.fake.tables.some((t) => t.sheetId === s.id && overlaps(t.rect, this.rect)))
          throw new FakeOfficeError("InvalidOperation", "cannot merge cells in a table");
        s.merges.push(this.rect);
      },
      { sheet: () => this.sheet.resolve() },
    );
  }

  /* ---- reading (added for the task pane's actions) */

  /** The cells this range covers (derived ranges: as found when the request is applied). */
  get rect(): Rect {
    if (this.fixedRect) return this.fixedRect;
    const r = this.resolveRect!();
    if (!r) throw new FakeOfficeError("InvalidObjectPath", `${this[PROXY_PATH].text} is a null object`);
    return r;
  }
  /** Sheet-qualified address as Excel gives it ("Sales!A1:H3001", "'Q1 Sales'!A1"). */
  get address(): string {
    return this.need("address", this.state.address as string);
  }
  get values(): unknown[][] {
    return this.need("values", this.state.values as unknown[][]);
  }
  set values(v: unknown) {
    this.write("values", v);
  }
  get formulas(): unknown[][] {
    return this.need("formulas", this.state.formulas as unknown[][]);
  }
  set formulas(v: unknown) {
    this.write("formulas", v);
  }
  get rowIndex(): number {
    return this.need("rowIndex", this.state.rowIndex as number);
  }
  get columnIndex(): number {
    return this.need("columnIndex", this.state.columnIndex as number);
  }
  get rowCount(): number {
    return this.need("rowCount", this.state.rowCount as number);
  }
  get columnCount(): number {
    return this.need("columnCount", this.state.columnCount as number);
  }
  get isNullObject(): boolean {
    return this.need("isNullObject", this.state.isNullObject as boolean);
  }
  get worksheet(): WorksheetProxy {
    return this.sheet;
  }
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "address").split(",")).map((p) => p.trim()).filter(Boolean);
    for (const p of list) if (!RANGE_LOADABLE.has(p)) throw new TypeError(`fake Excel: Range.${p} cannot be loaded here (not modelled)`);
    let loaded: Record<string, unknown> = {};
    this.q(
      "load",
      "load",
      [list.join(",")],
      () => {
        const rect = this.fixedRect ?? this.resolveRect!();
        if (!rect) {
          if (!this.orNull) throw new FakeOfficeError("ItemNotFound", `${this[PROXY_PATH].text}: the range does not exist`);
          this.state = { isNullObject: true };
          this.loaded.add("isNullObject");
          for (const p of list) this.loaded.add(p);
          loaded = {};
          return;
        }
        const sheet = this.sheet.resolve();
        const cellAt = (r: number, c: number): FakeCell | undefined => sheet.cells.get(cellKey(r, c));
        const grid = (f: (cell: FakeCell | undefined) => unknown): unknown[][] => {
          if (rect.rows * rect.cols > 5_000_000) throw new FakeOfficeError("InvalidArgument", "range too large to read");
          const out = new Array<unknown[]>(rect.rows);
          for (let r = 0; r < rect.rows; r++) {
            const row = new Array<unknown>(rect.cols);
            for (let c = 0; c < rect.cols; c++) row[c] = f(cellAt(rect.row + r, rect.col + c));
            out[r] = row;
          }
          return out;
        };
        loaded = {};
        for (const p of list) {
          if (p === "address") loaded.address = `${qualifiedSheet(sheet.name)}!${formatAddress(rect)}`;
          else if (p === "values") loaded.values = grid((cell) => (cell ? (cell.value ?? "") : ""));
          else if (p === "formulas") loaded.formulas = grid((cell) => (cell ? (cell.formula ?? cell.value ?? "") : ""));
          else if (p === "rowIndex") loaded.rowIndex = rect.row;
          else if (p === "columnIndex") loaded.columnIndex = rect.col;
          else if (p === "rowCount") loaded.rowCount = rect.rows;
          else if (p === "columnCount") loaded.columnCount = rect.cols;
        }
        this.state = { ...loaded, isNullObject: false };
        this.loaded.add("isNullObject");
        for (const p of list) this.loaded.add(p);
      },
      { sheet: () => this.sheet.resolve(), response: () => loaded },
    );
    return this;
  }

  private derived(name: string, args: unknown[], find: () => Rect | undefined, orNull = false): RangeProxy {
    return new RangeProxy(this.fake, this.child(name, args), this.sheet, `${name}(${args.join(",")})`, find, orNull);
  }
  /** Excel's current region (Ctrl+*): bounded by blank rows and columns, diagonals included. */
  getSurroundingRegion(): RangeProxy {
    this.fake.requireApi("1.7", "Range.getSurroundingRegion");
    return this.derived("getSurroundingRegion", [], () => this.fake.currentRegion(this.sheet.resolve(), this.rect));
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derived("getCell", [row, column], () =>
      checkRect({ row: this.rect.row + row, col: this.rect.col + column, rows: 1, cols: 1 }),
    );
  }
  getRow(row: number): RangeProxy {
    return this.derived("getRow", [row], () => checkRect({ row: this.rect.row + row, col: this.rect.col, rows: 1, cols: this.rect.cols }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived("getColumn", [column], () =>
      checkRect({ row: this.rect.row, col: this.rect.col + column, rows: this.rect.rows, cols: 1 }),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], () =>
      checkRect({ ...this.rect, row: this.rect.row + rowOffset, col: this.rect.col + columnOffset }),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], () => {
      const r = { ...this.rect, rows: this.rect.rows + deltaRows, cols: this.rect.cols + deltaColumns };
      if (r.rows < 1 || r.cols < 1) throw new FakeOfficeError("InvalidArgument", "resized range is empty");
      return checkRect(r);
    });
  }
  getIntersectionOrNullObject(other: unknown): RangeProxy {
    return this.derived(
      "getIntersectionOrNullObject",
      [typeof other === "string" ? other : "<range>"],
      () => {
        const a = this.rect;
        const b = rectOf(other, this.sheet.resolve());
        const row = Math.max(a.row, b.row);
        const col = Math.max(a.col, b.col);
        const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
        const cols = Math.min(a.col + a.cols, b.col + b.cols) - col;
        return rows > 0 && cols > 0 ? { row, col, rows, cols } : undefined;
      },
      true,
    );
  }
  /** The used cells within the range (values only: cells holding a value or a formula). */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.derived("getUsedRange", valuesOnly === undefined ? [] : [valuesOnly], () =>
      this.fake.usedRect(this.sheet.resolve(), this.rect),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.derived(
      "getUsedRangeOrNullObject",
      valuesOnly === undefined ? [] : [valuesOnly],
      () => this.fake.usedRect(this.sheet.resolve(), this.rect),
      true,
    );
  }
  /** Tables overlapping the range (fullyContained: only tables inside it). ExcelApi 1.9. */
  getTables(fullyContained?: boolean): TableScopedCollectionProxy {
    this.fake.requireApi("1.9", "Range.getTables");
    return new TableScopedCollectionProxy(this.fake, this.child("getTables", fullyContained === undefined ? [] : [fullyContained]), () => {
      const s = this.sheet.resolve();
      const rect = this.rect;
      return this.fake.tables.filter(
        (t) =>
          t.sheetId === s.id &&
          (fullyContained
            ? t.rect.row >= rect.row &&
              t.rect.col >= rect.col &&
              t.rect.row + t.rect.rows <= rect.row + rect.rows &&
              t.rect.col + t.rect.cols <= rect.col + rect.cols
            : overlaps(t.rect, rect)),
      );
    });
  }
}

const RANGE_LOADABLE = new Set(["address", "values", "formulas", "rowIndex", "columnIndex", "rowCount", "columnCount"]);

function checkRect(r: Rect): Rect {
  return check(r, formatAddress({ ...r, row: Math.max(0, r.row), col: Math.max(0, r.col) }));
}

/** A sheet name as Excel writes it in an address: quoted unless it is a plain word. */
function qualifiedSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*([Cc]\d*)?$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

class TableCollectionProxy extends ProxyBase {
  private loadedItems?: TableProxy[];
  constructor(
    fake: FakeExcel,
    path: PathNode,
    private readonly sheet: WorksheetProxy | undefined,
  ) {
    super(fake, path);
  }
  get items(): TableProxy[] {
    return this.need("items", this.loadedItems!);
  }
  private scoped(): FakeTable[] {
    const sid = this.sheet?.resolve().id;
    return this.fake.tables.filter((t) => !sid || t.sheetId === sid);
  }
  load(props: string): this {
    this.q("load", "load", [props], () => {
      this.loadedItems = this.scoped().map((t) => TableProxy.loadedFrom(this.fake, this.child("getItem", [t.name]), t));
      this.loaded.add("items");
    });
    return this;
  }
  getItem(key: string): TableProxy {
    return new TableProxy(
      this.fake,
      this.child("getItem", [key]),
      () => this.scoped().find((t) => t.id === key || t.name.toUpperCase() === key.toUpperCase()),
      false,
    );
  }
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(
      this.fake,
      this.child("getItemOrNullObject", [key]),
      () => this.scoped().find((t) => t.id === key || t.name.toUpperCase() === key.toUpperCase()),
      true,
    );
  }
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.fake, this.child("getItemAt", [index]), () => this.scoped()[index], false);
  }
  add(address: unknown, hasHeaders: boolean): unknown {
    let table: FakeTable | undefined;
    const node = this.child("add", [address, hasHeaders]);
    const sheetOf = (): FakeSheet => {
      if (this.sheet) return this.sheet.resolve();
      if (address instanceof RangeProxy) return address.sheet.resolve();
      throw new FakeOfficeError("InvalidArgument", "workbook.tables.add needs a range here");
    };
    this.fake.queue({
      path: node,
      info: { target: this[PROXY_PATH].text, name: "add", kind: "call", args: [address, hasHeaders] },
      sheet: sheetOf,
      apply: () => {
        const s = sheetOf();
        const rect = rectOf(address, s);
        if (this.fake.tables.some((t) => t.sheetId === s.id && overlaps(t.rect, rect)))
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
        if (s.merges.some((m) => overlaps(m, rect))) throw new FakeOfficeError("InvalidOperation", "A table can't contain merged cells.");
        let n = 1;
        while (this.fake.nameTaken(`Table${n}`)) n++;
        table = { id: `{table-${this.fake.tables.length + 1000}}`, name: `Table${n}`, sheetId: s.id, rect, hasHeaders };
        this.fake.tables.push(table);
      },
    });
    const resolve = (): FakeTable => {
      if (!table) throw new FakeOfficeError("InvalidObjectPath", "table not created");
      return table;
    };
    return strictNode(
      this.fake,
      node,
      { props: ["name", "style", "showTotals", "showHeaders", "showBandedRows", "showFilterButton"] },
      (p, value) => {
        const t = resolve();
        if (p === "name") {
          checkDefinedName(value);
          if (this.fake.nameTaken(value as string, t)) throw new FakeOfficeError("InvalidArgument", `The name ${value} is already used.`);
          t.name = value as string;
        } else if (p === "style") t.style = value as string;
        else if (p === "showTotals") t.showTotals = value as boolean;
      },
      () => undefined,
      sheetOf,
    );
  }
}

class NamedItemCollectionProxy extends ProxyBase {
  private loadedItems?: { name: string; formula?: string; value?: string }[];
  constructor(
    fake: FakeExcel,
    path: PathNode,
    private readonly sheet: WorksheetProxy | undefined,
  ) {
    super(fake, path);
  }
  get items(): { name: string; formula?: string; value?: string }[] {
    return this.need("items", this.loadedItems as { name: string }[]);
  }
  /** load("items/name"), also "items/formula" (ExcelApi 1.7) and "items/value" (as NamedItemProxy). */
  load(props: string): this {
    const wanted = new Set(props.split(",").map((p) => p.trim().replace(/^items\//, "")));
    if (wanted.has("formula")) this.fake.requireApi("1.7", "NamedItem.formula");
    this.q("load", "load", [props], () => {
      const scope = this.sheet?.resolve().id;
      this.loadedItems = this.fake.names
        .filter((n) => n.scope === scope)
        .map((n) => {
          const formula = this.fake.nameFormula(n);
          return {
            name: n.name,
            ...(wanted.has("formula") ? { formula } : {}),
            ...(wanted.has("value") ? { value: formula.slice(1) } : {}),
          };
        });
      this.loaded.add("items");
    });
    return this;
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.fake, this.child("getItem", [name]), () =>
      this.fake.names.find((n) => n.scope === this.sheet?.resolve().id && key(n.name) === key(name)),
    );
  }
  add(name: string, reference: unknown, comment?: string): unknown {
    const args = comment === undefined ? [name, reference] : [name, reference, comment];
    this.q(
      "call",
      "add",
      args,
      () => {
        checkDefinedName(name);
        const scope = this.sheet?.resolve().id;
        if (
          this.fake.names.some((n) => n.scope === scope && key(n.name) === key(name)) ||
          this.fake.tables.some((t) => key(t.name) === key(name))
        ) {
          throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
        }
        if (comment !== undefined && comment.length > 255) throw new FakeOfficeError("InvalidArgument", "comment too long");
        const ref =
          reference instanceof RangeProxy
            ? { sheetId: reference.sheet.resolve().id, rect: reference.rect }
            : { formula: String(reference) };
        this.fake.names.push({ name, scope, ref, comment });
      },
      { sheet: reference instanceof RangeProxy ? () => reference.sheet.resolve() : undefined },
    );
    return undefined;
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.fake, this.child("getItemOrNullObject", [name]), () =>
      this.fake.names.find((n) => n.scope === this.sheet?.resolve().id && key(n.name) === key(name)),
    );
  }
}

class NamedItemProxy extends ProxyBase {
  private state?: { name: string; formula: string; value: string; isNull: boolean };
  constructor(
    fake: FakeExcel,
    path: PathNode,
    private readonly find: () => FakeName | undefined,
  ) {
    super(fake, path);
  }
  get isNullObject(): boolean {
    return this.need("isNullObject", this.state?.isNull as boolean);
  }
  get name(): string {
    return this.need("name", this.state?.name as string);
  }
  get formula(): string {
    return this.need("formula", this.state?.formula as string);
  }
  /** For a range name: its address ("'Sheet'!$A$1"), "#REF!" once the sheet is gone. */
  get value(): string {
    return this.need("value", this.state?.value as string);
  }
  load(props: string): this {
    this.q("load", "load", [props], () => {
      const n = this.find();
      const formula = n ? this.fake.nameFormula(n) : "";
      this.state = n
        ? { name: n.name, formula, value: formula.slice(1), isNull: false }
        : { name: "", formula: "", value: "", isNull: true };
      this.loaded.add("name").add("isNullObject");
      for (const p of props.split(",")) this.loaded.add(p.trim());
    });
    return this;
  }
  delete(): void {
    this.q("call", "delete", [], () => {
      const n = this.find();
      if (!n) throw new FakeOfficeError("ItemNotFound", "name not found");
      this.fake.names = this.fake.names.filter((x) => x !== n);
    });
  }
}

class ChartCollectionProxy extends ProxyBase {
  constructor(
    fake: FakeExcel,
    path: PathNode,
    private readonly sheet: WorksheetProxy,
  ) {
    super(fake, path);
  }
  add(type: string, source: unknown, seriesBy?: string): unknown {
    const node = this.child("add", [type, source, seriesBy]);
    let chart: FakeChart | undefined;
    const sheetOf = (): FakeSheet => this.sheet.resolve();
    this.fake.queue({
      path: node,
      info: { target: this[PROXY_PATH].text, name: "add", kind: "call", args: [type, source, seriesBy] },
      sheet: sheetOf,
      apply: () => {
        if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `unknown chart type ${type}`);
        const rect = rectOf(source, sheetOf());
        chart = { type, source: formatAddress(rect), seriesBy, props: {}, calls: [], series: [] };
        // One series per column of the source (seriesBy Columns), values = that column.
        for (let c = 0; c < rect.cols; c++)
          chart.series.push({ props: {}, values: formatAddress({ row: rect.row, col: rect.col + c, rows: rect.rows, cols: 1 }) });
        sheetOf().charts.push(chart);
      },
    });
    const resolve = (): FakeChart => {
      if (!chart) throw new FakeOfficeError("InvalidObjectPath", "chart not created");
      return chart;
    };
    const seriesNode = (path: PathNode, get: () => FakeSeries): unknown =>
      strictNode(
        this.fake,
        path,
        SERIES,
        (p, value) => {
          const s = get();
          if (p === "chartType" && !CHART_TYPES.has(value as string))
            throw new FakeOfficeError("InvalidArgument", `unknown chart type ${value}`);
          if (p === "axisGroup" && value !== "Primary" && value !== "Secondary")
            throw new FakeOfficeError("InvalidArgument", `bad axis group ${value}`);
          s.props[p] = value;
        },
        (method, args) => {
          const s = get();
          const addr = (): string => formatAddress(rectOf(args[0], sheetOf()));
          if (method === "setValues") s.values = addr();
          else if (method === "setXAxisValues") s.xValues = addr();
          else if (method === "setBubbleSizes") {
            if (resolve().type !== "Bubble") throw new FakeOfficeError("InvalidOperation", "bubble sizes on a non-bubble chart");
            s.bubbleSizes = addr();
          } else if (method === "format.fill.setSolidColor") s.fill = String(args[0]);
          else s.props[method] = args;
        },
        sheetOf,
      );
    const seriesPath = this.fake.node("series", [], node);
    const axesPath = this.fake.node("axes", [], node);
    return strictNode(
      this.fake,
      node,
      CHART,
      (p, value) => {
        resolve().props[p] = value;
      },
      (method, args) => {
        resolve().calls.push({ method, args: args.map((a) => (a instanceof RangeProxy ? a.requested : a)) });
      },
      sheetOf,
      "",
      {
        series: {
          getItemAt: (i: unknown) =>
            seriesNode(this.fake.node("getItemAt", [i], seriesPath), () => {
              const s = resolve().series[i as number];
              if (!s) throw new FakeOfficeError("ItemNotFound", `no series ${i}`);
              return s;
            }),
          add: (name?: unknown) => {
            let created: FakeSeries | undefined;
            const p = this.fake.node("add", name === undefined ? [] : [name], seriesPath);
            this.fake.queue({
              path: p,
              info: { target: seriesPath.text, name: "add", kind: "call", args: name === undefined ? [] : [name] },
              sheet: sheetOf,
              apply: () => {
                created = { props: name === undefined ? {} : { name } };
                resolve().series.push(created);
              },
            });
            return seriesNode(p, () => {
              if (!created) throw new FakeOfficeError("InvalidObjectPath", "series not created");
              return created;
            });
          },
        } as unknown as (args: unknown[]) => unknown,
        axes: strictNode(
          this.fake,
          axesPath,
          { children: { categoryAxis: AXIS, valueAxis: AXIS, seriesAxis: AXIS } },
          (p, value) => {
            resolve().props[`axes.${p}`] = value;
          },
          () => undefined,
          sheetOf,
          "",
          {
            getItem: ((type: unknown, group?: unknown) =>
              strictNode(
                this.fake,
                this.fake.node("getItem", [type, group], axesPath),
                AXIS,
                (p, value) => {
                  if (
                    !["Category", "Value", "Series"].includes(type as string) ||
                    !["Primary", "Secondary", undefined].includes(group as string)
                  ) {
                    throw new FakeOfficeError("InvalidArgument", `bad axis ${type}/${group}`);
                  }
                  resolve().props[`axes.${type as string}/${(group as string | undefined) ?? "Primary"}.${p}`] = value;
                },
                () => undefined,
                sheetOf,
              )) as unknown as (args: unknown[]) => unknown,
          },
        ) as (args: unknown[]) => unknown,
      },
    );
  }
}

/* ------------------------------------------------------------------ tables (reading) */

class TableProxy extends ProxyBase {
  private state: { name?: string; id?: string; showTotals?: boolean; showHeaders?: boolean; isNull?: boolean } = {};
  constructor(
    fake: FakeExcel,
    path: PathNode,
    private readonly find: () => FakeTable | undefined,
    private readonly orNull: boolean,
  ) {
    super(fake, path);
  }
  static loadedFrom(fake: FakeExcel, path: PathNode, t: FakeTable): TableProxy {
    const p = new TableProxy(fake, path, () => fake.tables.find((x) => x === t), false);
    p.state = { name: t.name, id: t.id, showTotals: !!t.showTotals, showHeaders: t.hasHeaders, isNull: false };
    for (const k of ["name", "id", "showTotals", "showHeaders", "isNullObject"]) p.loaded.add(k);
    return p;
  }
  private table(): FakeTable {
    const t = this.find();
    if (!t) throw new FakeOfficeError(this.orNull ? "InvalidObjectPath" : "ItemNotFound", `${this[PROXY_PATH].text}: no such table`);
    return t;
  }
  get name(): string {
    return this.need("name", this.state.name!);
  }
  get id(): string {
    return this.need("id", this.state.id!);
  }
  get showTotals(): boolean {
    return this.need("showTotals", this.state.showTotals!);
  }
  get showHeaders(): boolean {
    return this.need("showHeaders", this.state.showHeaders!);
  }
  get isNullObject(): boolean {
    return this.need("isNullObject", this.state.isNull!);
  }
  load(props?: string): this {
    const list = (props ?? "name")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of list)
      if (!["name", "id", "showTotals", "showHeaders"].includes(p))
        throw new TypeError(`fake Excel: Table.${p} cannot be loaded here (not modelled)`);
    this.q("load", "load", [list.join(",")], () => {
      const t = this.find();
      if (!t && !this.orNull) throw new FakeOfficeError("ItemNotFound", `${this[PROXY_PATH].text}: no such table`);
      this.state = t ? { name: t.name, id: t.id, showTotals: !!t.showTotals, showHeaders: t.hasHeaders, isNull: false } : { isNull: true };
      for (const p of [...list, "isNullObject"]) this.loaded.add(p);
    });
    return this;
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.fake, this.child("worksheet"), () => {
      const s = this.fake.findSheet(this.table().sheetId);
      if (!s) throw new FakeOfficeError("ItemNotFound", "the table's sheet is gone");
      return s;
    });
  }
  private part(name: string, rectOf: (t: FakeTable) => Rect | undefined): RangeProxy {
    return new RangeProxy(this.fake, this.child(name), this.worksheet, `${name}()`, () => {
      const r = rectOf(this.table());
      if (!r) throw new FakeOfficeError("ItemNotFound", `${this[PROXY_PATH].text}.${name}: the table has no such part`);
      return r;
    });
  }
  /** The whole table: header row, data rows and the totals row when shown. */
  getRange(): RangeProxy {
    return this.part("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", (t) => (t.hasHeaders ? { ...t.rect, rows: 1 } : undefined));
  }
  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", (t) => {
      const top = t.hasHeaders ? 1 : 0;
      const rows = t.rect.rows - top - (t.showTotals ? 1 : 0);
      return rows > 0 ? { ...t.rect, row: t.rect.row + top, rows } : undefined;
    });
  }
}

/** Range.getTables(): the tables found when the request is applied. */
class TableScopedCollectionProxy extends ProxyBase {
  private loadedItems?: TableProxy[];
  constructor(
    fake: FakeExcel,
    path: PathNode,
    private readonly list: () => FakeTable[],
  ) {
    super(fake, path);
  }
  get items(): TableProxy[] {
    return this.need("items", this.loadedItems!);
  }
  load(props?: string): this {
    this.q("load", "load", [props ?? ""], () => {
      this.loadedItems = this.list().map((t) => TableProxy.loadedFrom(this.fake, this.fake.node("getItem", [t.name], this[PROXY_PATH]), t));
      this.loaded.add("items");
    });
    return this;
  }
  getFirstOrNullObject(): TableProxy {
    return new TableProxy(this.fake, this.child("getFirstOrNullObject"), () => this.list()[0], true);
  }
}

/* ------------------------------------------------------------------ the Office global */

export interface FakeOfficeOptions {
  /** Office.context.displayLanguage (default "en-US"). */
  displayLanguage?: string;
  /** Requirement sets other than ExcelApi: name → highest version ("SharedRuntime": "1.1" by default). */
  sets?: Record<string, string>;
}

/**
 * The part of the `Office` global the task pane's actions and the ribbon commands use: document
 * settings (kept in `settings`, written to `savedSettings` by saveAsync, as the workbook would),
 * requirement sets (ExcelApi from the FakeExcel), add-in commands (`associated`, showAsTaskpane
 * counted in `taskpaneShown`) and onReady. `install()` puts it and `Excel.run` (over the
 * FakeExcel) on globalThis; `uninstall()` restores what was there.
 */
export class FakeOffice {
  settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  saveCount = 0;
  /** Make the next saveAsync fail with this message. */
  failSave?: string;
  taskpaneShown = 0;
  associated = new Map<string, (event: unknown) => unknown>();
  private previous?: { Office: unknown; Excel: unknown };

  constructor(
    readonly excel: FakeExcel,
    private readonly options: FakeOfficeOptions = {},
  ) {}

  /** The object to install as the Office global. */
  get office(): unknown {
    const sets: Record<string, string> = { SharedRuntime: "1.1", ...(this.options.sets ?? {}) };
    const supports = (name: string, version = "1.1"): boolean => {
      if (name === "ExcelApi") return this.excel.isSetSupported(version);
      const have = sets[name];
      if (!have) return false;
      const [a, b] = version.split(".").map(Number);
      const [x, y] = have.split(".").map(Number);
      return a < x || (a === x && (b ?? 0) <= (y ?? 0));
    };
    return {
      HostType: { Excel: "Excel" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: "Excel", platform: "PC" };
        cb?.(info);
        return Promise.resolve(info);
      },
      context: {
        displayLanguage: this.options.displayLanguage ?? "en-US",
        requirements: { isSetSupported: supports },
        document: {
          settings: {
            get: (name: string) => (this.settings.has(name) ? clone(this.settings.get(name)) : null),
            set: (name: string, value: unknown) => void this.settings.set(name, clone(value)),
            remove: (name: string) => void this.settings.delete(name),
            saveAsync: (optionsOrCallback?: unknown, callback?: (r: unknown) => void) => {
              const cb = typeof optionsOrCallback === "function" ? (optionsOrCallback as (r: unknown) => void) : callback;
              const fail = this.failSave;
              this.failSave = undefined;
              setTimeout(() => {
                if (fail) {
                  cb?.({ status: "failed", error: { name: "SaveError", message: fail, code: 5001 } });
                  return;
                }
                this.saveCount++;
                this.savedSettings = new Map([...this.settings].map(([k, v]) => [k, clone(v)]));
                cb?.({ status: "succeeded", value: undefined });
              }, 0);
            },
          },
        },
      },
      addin: {
        showAsTaskpane: () => {
          if (!supports("SharedRuntime", "1.1")) return Promise.reject(new Error("showAsTaskpane needs SharedRuntime 1.1"));
          this.taskpaneShown++;
          return Promise.resolve();
        },
      },
      actions: {
        associate: (id: string, handler: (event: unknown) => unknown) => void this.associated.set(id, handler),
      },
    };
  }

  /** Puts Office and Excel.run (over the FakeExcel) on globalThis. */
  install(): this {
    const g = globalThis as Record<string, unknown>;
    this.previous = { Office: g.Office, Excel: g.Excel };
    g.Office = this.office;
    g.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(this.excel.context()) };
    return this;
  }

  uninstall(): void {
    const g = globalThis as Record<string, unknown>;
    if (!this.previous) return;
    g.Office = this.previous.Office;
    g.Excel = this.previous.Excel;
    if (g.Office === undefined) delete g.Office;
    if (g.Excel === undefined) delete g.Excel;
    this.previous = undefined;
  }
}

/** Settings hold JSON: what goes in comes out as a copy (as Office serialises them). */
function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
