/**
 * Every column `ka-planner build` maps, and the portfolio read from them through the engine
 * (engine/portfolio.ts buildPortfolio), with the engine's errors about a cell re-rendered to
 * name the file, sheet, column and row, whichever mapped column they concern.
 *
 * The columns are the task pane's: the one proposal of app/mapping.ts (header words, then the
 * contents of the first rows), with the columns the options name laid over it.
 * - customer: --customer, else as the proposal finds it; required. An option naming the
 *   customer column for another role is an error.
 * - revenue: --value; profit: --profit. The tier measure (--measure) is revenue by default,
 *   profit when asked or when the table has no revenue column. Neither found: the error names
 *   --value.
 * - date, satisfaction, effort, credit, region, manager: their option, else the proposal's; a
 *   column not found is left out (a note says which, and how to name it).
 * - portfolio criteria: --attractiveness / --strength ("COL;COL"), else the proposal's (every
 *   column of the axis' header roles, in column order).
 * A column found by its contents, or chosen among several header matches, gets a note.
 */
import { isKaError, KaError } from "../../engine/errors";
import { describeCell } from "../../engine/input/cells";
import { DATE_ORDERS, DateOrder } from "../../engine/input/dates";
import { ColumnMapping, CRITERIA_AXES, CriteriaAxis, Measure, SingleRole } from "../../app/mapping";
import { buildPortfolio, NamedColumn, Portfolio, PortfolioDateProblem, SalesColumns } from "../../engine/portfolio";
import { TierSpec } from "../../engine/tiers";
import { Locale, text } from "../../strings";
import { CliError } from "../errors";
import { namedColumn, ResolvedColumn, resolvedOf, tableProposal } from "./proposal";
import { choiceNotes, columnRef, customerColumn, fileRef, locateError, notDetected, resolveColumn, rowRef } from "./sales";
import { Table } from "./table";

/** Options as commander delivers them (strings). */
export interface BuildColumnOptions {
  readonly customer?: string;
  readonly value?: string;
  readonly profit?: string;
  readonly date?: string;
  readonly satisfaction?: string;
  readonly effort?: string;
  readonly credit?: string;
  readonly region?: string;
  readonly manager?: string;
  /** Criteria columns separated by ";" (header, number or letter each). */
  readonly attractiveness?: string;
  readonly strength?: string;
  /** "revenue" (default) or "profit". */
  readonly measure?: string;
  /** --date-order: "ymd", "mdy" or "dmy", for a date column its data leaves ambiguous. */
  readonly dateOrder?: string;
}

/** Single-column roles besides the customer that the sheets read, in the order they are reported. */
const OPTIONAL_ROLES = [
  "revenue",
  "profit",
  "date",
  "satisfaction",
  "effort",
  "credit",
  "region",
  "manager",
] as const satisfies readonly SingleRole[];
type OptionalRole = (typeof OPTIONAL_ROLES)[number];

/** The option naming each role's column. */
const ROLE_OPTION: Readonly<Record<"customer" | OptionalRole | CriteriaAxis, string>> = {
  customer: "--customer",
  revenue: "--value",
  profit: "--profit",
  date: "--date",
  satisfaction: "--satisfaction",
  effort: "--effort",
  credit: "--credit",
  region: "--region",
  manager: "--manager",
  attractiveness: "--attractiveness",
  strength: "--strength",
};

export interface MappedColumns {
  /** The whole mapping, as the task pane would propose it for the same table with the same columns named. */
  readonly mapping: ColumnMapping;
  readonly customer: ResolvedColumn;
  readonly measure: Measure;
  readonly single: Readonly<Partial<Record<OptionalRole, ResolvedColumn>>>;
  readonly attractiveness: readonly ResolvedColumn[];
  readonly strength: readonly ResolvedColumn[];
  /** One-line notes for stderr (which columns, what is missing, ambiguities), localised. */
  readonly notes: string[];
}

export function measureOption(v: string | undefined): Measure | undefined {
  if (v === undefined) return undefined;
  const m = v.trim().toLowerCase();
  if (m === "revenue" || m === "profit") return m;
  throw new CliError("cli.build.error.measure", { measure: v });
}

/** --date-order: ymd, mdy or dmy (any case). */
export function dateOrderOption(v: string | undefined): DateOrder | undefined {
  if (v === undefined) return undefined;
  const order = v.trim().toLowerCase();
  if ((DATE_ORDERS as readonly string[]).includes(order)) return order as DateOrder;
  throw new CliError("cli.build.error.dateOrder", { value: v });
}

/** "A;B;C" → ["A", "B", "C"] (blank parts dropped). */
export function splitList(v: string): string[] {
  return v
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The columns the options name, resolved (an option naming the customer column is an error). */
interface OptionColumns {
  readonly single: Partial<Record<OptionalRole, ResolvedColumn>>;
  readonly criteria: Partial<Record<CriteriaAxis, ResolvedColumn[]>>;
}

function namedByOptions(table: Table, options: BuildColumnOptions, customer: ResolvedColumn): OptionColumns {
  const named = (spec: string, option: string): ResolvedColumn => {
    const col = resolveColumn(table, spec, option);
    if (col.index === customer.index) {
      throw new CliError("cli.build.error.customerColumn", { file: table.file, option, column: `${col.letter} "${col.header}"` });
    }
    return col;
  };
  const optionOf: Record<OptionalRole, string | undefined> = {
    revenue: options.value,
    profit: options.profit,
    date: options.date,
    satisfaction: options.satisfaction,
    effort: options.effort,
    credit: options.credit,
    region: options.region,
    manager: options.manager,
  };
  const single: Partial<Record<OptionalRole, ResolvedColumn>> = {};
  for (const role of OPTIONAL_ROLES) {
    const spec = optionOf[role];
    if (spec !== undefined) single[role] = named(spec, ROLE_OPTION[role]);
  }
  const criteria: Partial<Record<CriteriaAxis, ResolvedColumn[]>> = {};
  for (const axis of CRITERIA_AXES) {
    const spec = options[axis];
    if (spec === undefined) continue;
    const parts = splitList(spec);
    if (parts.length === 0) throw new CliError("cli.build.error.emptyList", { option: ROLE_OPTION[axis], value: spec });
    const cols: ResolvedColumn[] = [];
    for (const part of parts) {
      const col = named(part, ROLE_OPTION[axis]);
      if (!cols.some((c) => c.index === col.index)) cols.push(col);
    }
    criteria[axis] = cols;
  }
  return { single, criteria };
}

/** The tier measure: --measure, else revenue when mapped, else profit; its column is required. */
function measureOf(table: Table, options: BuildColumnOptions, single: Partial<Record<OptionalRole, ResolvedColumn>>): Measure {
  const requested = measureOption(options.measure);
  if (requested) {
    if (!single[requested]) throw notDetected(table, ROLE_OPTION[requested]);
    return requested;
  }
  if (single.revenue) return "revenue";
  if (single.profit) return "profit";
  throw notDetected(table, "--value");
}

/**
 * Every column of the build command: the shared proposal (app/mapping.ts: header words, then
 * contents) with the columns the options name laid over it. Throws CliError for a bad or
 * missing required column.
 */
export function mapBuildColumns(table: Table, options: BuildColumnOptions, locale: Locale): MappedColumns {
  const customer = customerColumn(table, options.customer);
  const named = namedByOptions(table, options, customer);
  const indexes: Partial<Record<SingleRole, number> & Record<CriteriaAxis, number[]>> = { customer: customer.index };
  for (const role of OPTIONAL_ROLES) {
    const col = named.single[role];
    if (col) indexes[role] = col.index;
  }
  for (const axis of CRITERIA_AXES) {
    const cols = named.criteria[axis];
    if (cols) indexes[axis] = cols.map((c) => c.index);
  }
  const proposal = tableProposal(table, indexes);

  const single: Partial<Record<OptionalRole, ResolvedColumn>> = {};
  for (const role of OPTIONAL_ROLES) {
    const col = named.single[role] ?? resolvedOf(table, proposal, role);
    if (col) single[role] = col;
  }
  const criteriaOf = (axis: CriteriaAxis): ResolvedColumn[] => {
    const found = proposal.mapping[axis];
    return named.criteria[axis] ?? (Array.isArray(found) ? found.map((i) => namedColumn(table, i)) : []);
  };
  const measure = measureOf(table, options, single);
  const mapped = { customer, measure, single, attractiveness: criteriaOf("attractiveness"), strength: criteriaOf("strength") };
  return { ...mapped, mapping: proposal.mapping, notes: mappingNotes(table, mapped, locale) };
}

/** Notes: the mapping, what is missing, columns chosen among several or from their contents. */
function mappingNotes(table: Table, mapped: Omit<MappedColumns, "notes" | "mapping">, locale: Locale): string[] {
  const t = (key: string, args?: Record<string, string | number>) => text(locale, key, args);
  const { customer, measure, single } = mapped;
  const all: { role: string; col: ResolvedColumn }[] = [{ role: "customer", col: customer }];
  for (const role of OPTIONAL_ROLES) {
    const col = single[role];
    if (col) all.push({ role, col });
  }
  const parts = all.map(({ role, col }) =>
    t("cli.build.note.role", {
      role: t(`cli.build.role.${role}`) + (role === measure ? t("cli.build.note.measureMark") : ""),
      column: columnRef(table, col.index, locale),
    }),
  );
  for (const axis of CRITERIA_AXES) {
    if (mapped[axis].length === 0) continue;
    const columns = mapped[axis].map((c) => columnRef(table, c.index, locale)).join(t("cli.build.listSeparator"));
    parts.push(t("cli.build.note.role", { role: t(`cli.build.role.${axis}`), column: columns }));
  }
  const notes = [t("cli.build.note.columns", { file: fileRef(table, locale), columns: parts.join(t("cli.build.roleSeparator")) })];
  const missing: (OptionalRole | CriteriaAxis)[] = OPTIONAL_ROLES.filter((r) => !single[r]);
  for (const axis of CRITERIA_AXES) if (mapped[axis].length === 0) missing.push(axis);
  if (missing.length > 0) {
    notes.push(
      t("cli.build.note.missing", {
        roles: missing.map((r) => t(`cli.build.role.${r}`)).join(t("cli.build.listSeparator")),
        options: missing.map((r) => ROLE_OPTION[r]).join(", "),
      }),
    );
  }
  const choices = all.map(({ role, col }) => ({ col, option: ROLE_OPTION[role as "customer" | OptionalRole] }));
  return [...notes, ...choiceNotes(table, choices, locale)];
}

/** The columns of a mapping, as the engine takes them, and where each name came from. */
function salesColumnsOf(table: Table, mapped: MappedColumns): { columns: SalesColumns; indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  const used = new Map<number, NamedColumn>();
  const named = (col: ResolvedColumn): NamedColumn => {
    const existing = used.get(col.index);
    if (existing) return existing;
    // The header names the column on the sheets and in messages; made unique among the mapped
    // columns (by its letter) so that an error always leads back to one column.
    let name = col.header.trim() !== "" ? col.header : text("en", "cli.ref.columnLetter", { letter: col.letter });
    if (indexOf.has(name)) name = `${name} (${col.letter})`;
    const c: NamedColumn = { name, cells: table.columns[col.index] ?? new Array<unknown>(table.rowCount).fill(null) };
    indexOf.set(name, col.index);
    used.set(col.index, c);
    return c;
  };
  const s = mapped.single;
  const opt = (col: ResolvedColumn | undefined) => (col ? named(col) : undefined);
  const customer = named(mapped.customer);
  const revenue = opt(s.revenue);
  const profit = opt(s.profit);
  // measureOf chose the measure among the mapped columns, so its column is here.
  const measure = mapped.measure === "profit" ? profit : revenue;
  if (!measure) throw new Error(`internal: the ${mapped.measure} column of the measure is not mapped`);
  const columns: SalesColumns = {
    customer,
    measure,
    revenue,
    profit,
    date: opt(s.date),
    satisfaction: opt(s.satisfaction),
    effort: opt(s.effort),
    credit: opt(s.credit),
    region: opt(s.region),
    manager: opt(s.manager),
    attractiveness: mapped.attractiveness.map(named),
    strength: mapped.strength.map(named),
  };
  return { columns, indexOf };
}

/**
 * The data row an engine error points at. The engine reports cell positions within the vector
 * it read; where that vector was a single cell re-read on its own (posN 1 for a cell further
 * down), the position is recovered as the first cell of the column reading as the error's cell.
 */
function checkedPosition(e: KaError, cells: readonly unknown[]): KaError {
  const n = e.args.posN;
  const cell = e.args.cell;
  if (e.args.posKey !== "position.row" || typeof n !== "number" || typeof cell !== "string") return e;
  if (n >= 1 && n <= cells.length && describeCell(cells[n - 1]) === cell) return e;
  const i = cells.findIndex((c) => describeCell(c) === cell);
  if (i < 0) return e;
  return new KaError(e.code, e.key, e.message, { ...e.args, posN: i + 1 });
}

/** The CLI's own wording of engine errors that the command line can tell how to fix. */
const CLI_KEYS: Readonly<Record<string, string>> = { "error.dateAmbiguous": "cli.build.error.dateAmbiguous" };

/**
 * Reads the mapped columns through the engine; errors name the file, sheet, column and row.
 * A date column found by header whose dates cannot be read leaves the date-based figures out
 * (a note in `notes`); one named with --date is an error.
 */
export function readPortfolio(
  table: Table,
  mapped: MappedColumns,
  spec: TierSpec,
  locale: Locale,
  dateOrder?: DateOrder,
): { portfolio: Portfolio; columns: SalesColumns; notes: string[] } {
  if (table.rowCount === 0) throw new CliError("cli.error.noData", { file: fileRef(table, locale), row: table.rowOffset });
  const { columns, indexOf } = salesColumnsOf(table, mapped);
  const date = mapped.single.date;
  let portfolio: Portfolio;
  try {
    portfolio = buildPortfolio(columns, spec, { dateOrder, optionalDate: date !== undefined && date.how !== "named" });
  } catch (e) {
    if (!isKaError(e)) throw e;
    const name = typeof e.args.arg === "string" ? e.args.arg : undefined;
    const index = name !== undefined ? indexOf.get(name) : undefined;
    if (index === undefined) throw e;
    const cliKey = CLI_KEYS[e.key];
    const located = cliKey ? new KaError(e.code, cliKey, e.message, e.args) : e;
    throw locateError(checkedPosition(located, table.columns[index] ?? []), table, index, locale);
  }
  const notes = portfolio.dateProblem && date ? [dateNote(table, date.index, portfolio.dateProblem, locale)] : [];
  return { portfolio, columns, notes };
}

/** The note of a date column left out: file, column, the row and the cell that show why. */
function dateNote(table: Table, index: number, p: PortfolioDateProblem, locale: Locale): string {
  const note = text(locale, `note.datesLeftOut.${p.reason}`, {
    column: text(locale, "cli.ref.fileColumn", { file: fileRef(table, locale), column: columnRef(table, index, locale) }),
    row: rowRef(table, p.row, locale),
    cell: p.cell,
    other: p.otherCell ?? "",
    hint: p.reason === "ambiguous" ? text(locale, "cli.build.note.dateOrderHint") : "",
  });
  return text(locale, "cli.build.note.datesLeftOut", { note: note.trimEnd() });
}
