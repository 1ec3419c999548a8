/**
 * Every column `ka-planner build` maps, from options or header words (engine/input/headers.ts),
 * and the portfolio read from them through the engine (engine/portfolio.ts buildPortfolio),
 * with the engine's errors about a cell re-rendered to name the file, sheet, column and row,
 * whichever mapped column they concern.
 *
 * Rules:
 * - customer: --customer, else the "customer" header role; required.
 * - revenue: --value, else the "revenue" role; profit: --profit, else the "profit" role.
 *   The tier measure (--measure) is revenue by default, profit when asked or when the table has
 *   no revenue column. Neither found: the error names --value.
 * - date, satisfaction, effort, credit, region, manager: their option, else their role; a
 *   column not found is left out (a note says which, and how to name it).
 * - portfolio criteria: --attractiveness / --strength ("COL;COL"), else every column of the
 *   roles attractiveness, marketGrowth, marginPotential, strategicFit (attractiveness) and
 *   strength, shareOfWallet, relationship, productFit (strength), in column order.
 * - A column named by an option wins; a column found by header is never taken twice (the next
 *   match of the role is tried) and never the customer column. An option naming the customer
 *   column for another role is an error.
 */
import { isKaError, KaError } from "../../engine/errors";
import { describeCell } from "../../engine/input/cells";
import { DATE_ORDERS, DateOrder } from "../../engine/input/dates";
import { ColumnRole, findColumn } from "../../engine/input/headers";
import { buildPortfolio, NamedColumn, Portfolio, PortfolioDateProblem, SalesColumns } from "../../engine/portfolio";
import { TierSpec } from "../../engine/tiers";
import { Locale, text } from "../../strings";
import { CliError } from "../errors";
import { columnRef, fileRef, locateError, ResolvedColumn, resolveColumn, rowRef } from "./sales";
import { columnLetter, Table } from "./table";

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

export type Measure = "revenue" | "profit";

/** Single-column roles besides the customer, in the order they are detected. */
export const OPTIONAL_ROLES = ["revenue", "profit", "date", "satisfaction", "effort", "credit", "region", "manager"] as const;
export type OptionalRole = (typeof OPTIONAL_ROLES)[number];

/** The option naming each role's column. */
export const ROLE_OPTION: Readonly<Record<"customer" | OptionalRole | "attractiveness" | "strength", string>> = {
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

export const CRITERIA_ROLES: Readonly<Record<"attractiveness" | "strength", readonly ColumnRole[]>> = {
  attractiveness: ["attractiveness", "marketGrowth", "marginPotential", "strategicFit"],
  strength: ["strength", "shareOfWallet", "relationship", "productFit"],
};

export interface MappedColumns {
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

/** Resolves every column of the build command; throws CliError for a bad or missing required column. */
export function mapBuildColumns(table: Table, options: BuildColumnOptions, locale: Locale): MappedColumns {
  const taken = new Set<number>();
  const notes: string[] = [];
  const ambiguous: { col: ResolvedColumn; option: string }[] = [];

  const explicit = (spec: string, option: string): ResolvedColumn => {
    const col = resolveColumn(table, spec, option);
    if (customer && col.index === customer.index) {
      throw new CliError("cli.build.error.customerColumn", { file: table.file, option, column: `${col.letter} "${col.header}"` });
    }
    return col;
  };
  /** The first column of `role` (best match, then the other matches) not taken yet. */
  const detect = (role: ColumnRole, option: string): ResolvedColumn | undefined => {
    const m = findColumn(table.headers, role);
    if (!m) return undefined;
    const free = [m.index, ...m.others].filter((i) => !taken.has(i));
    if (free.length === 0) return undefined;
    const col: ResolvedColumn = { index: free[0], header: table.headers[free[0]] ?? "", letter: columnLetter(free[0]), how: m.how, others: free.slice(1) };
    if (col.others.length > 0) ambiguous.push({ col, option });
    return col;
  };

  let customer: ResolvedColumn | undefined;
  customer = options.customer !== undefined ? resolveColumn(table, options.customer, "--customer") : detect("customer", "--customer");
  if (!customer) throw new CliError("cli.error.columnNotDetected", { option: "--customer", file: table.file, headers: headerList(table) });
  taken.add(customer.index);

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
  // Options first, so that detection never takes a column the user named for another role.
  for (const role of OPTIONAL_ROLES) {
    const spec = optionOf[role];
    if (spec === undefined) continue;
    const col = explicit(spec, ROLE_OPTION[role]);
    single[role] = col;
    taken.add(col.index);
  }
  const criteriaOptions = { attractiveness: options.attractiveness, strength: options.strength };
  const criteria: Record<"attractiveness" | "strength", ResolvedColumn[]> = { attractiveness: [], strength: [] };
  for (const axis of ["attractiveness", "strength"] as const) {
    const spec = criteriaOptions[axis];
    if (spec === undefined) continue;
    const parts = splitList(spec);
    if (parts.length === 0) throw new CliError("cli.build.error.emptyList", { option: ROLE_OPTION[axis], value: spec });
    for (const part of parts) {
      const col = explicit(part, ROLE_OPTION[axis]);
      if (!criteria[axis].some((c) => c.index === col.index)) criteria[axis].push(col);
      taken.add(col.index);
    }
  }
  for (const role of OPTIONAL_ROLES) {
    if (single[role]) continue;
    const col = detect(role, ROLE_OPTION[role]);
    if (col) {
      single[role] = col;
      taken.add(col.index);
    }
  }
  for (const axis of ["attractiveness", "strength"] as const) {
    if (criteriaOptions[axis] !== undefined) continue;
    for (const role of CRITERIA_ROLES[axis]) {
      const m = findColumn(table.headers, role);
      if (!m) continue;
      // Every column of the role counts as a criterion (two "Attractiveness …" columns are two criteria).
      for (const i of [m.index, ...m.others]) {
        if (taken.has(i)) continue;
        taken.add(i);
        criteria[axis].push({ index: i, header: table.headers[i] ?? "", letter: columnLetter(i), how: m.how, others: [] });
      }
    }
    criteria[axis].sort((a, b) => a.index - b.index);
  }

  const requested = measureOption(options.measure);
  let measure: Measure;
  if (requested) {
    if (!single[requested]) {
      throw new CliError("cli.error.columnNotDetected", { option: ROLE_OPTION[requested], file: table.file, headers: headerList(table) });
    }
    measure = requested;
  } else if (single.revenue) measure = "revenue";
  else if (single.profit) measure = "profit";
  else throw new CliError("cli.error.columnNotDetected", { option: "--value", file: table.file, headers: headerList(table) });

  // Notes: the mapping (when anything was found by header), what is missing, ambiguities.
  const all: { role: string; col: ResolvedColumn }[] = [{ role: "customer", col: customer }];
  for (const role of OPTIONAL_ROLES) if (single[role]) all.push({ role, col: single[role]! });
  const t = (key: string, args?: Record<string, string | number>) => text(locale, key, args);
  const parts = all.map(({ role, col }) =>
    t("cli.build.note.role", {
      role: t(`cli.build.role.${role}`) + (role === measure ? t("cli.build.note.measureMark") : ""),
      column: columnRef(table, col.index, locale),
    }),
  );
  for (const axis of ["attractiveness", "strength"] as const) {
    if (criteria[axis].length === 0) continue;
    parts.push(
      t("cli.build.note.role", {
        role: t(`cli.build.role.${axis}`),
        column: criteria[axis].map((c) => columnRef(table, c.index, locale)).join(t("cli.build.listSeparator")),
      }),
    );
  }
  notes.push(t("cli.build.note.columns", { file: fileRef(table, locale), columns: parts.join(t("cli.build.roleSeparator")) }));
  const missing: string[] = OPTIONAL_ROLES.filter((r) => !single[r]);
  for (const axis of ["attractiveness", "strength"] as const) if (criteria[axis].length === 0) missing.push(axis);
  if (missing.length > 0) {
    notes.push(
      t("cli.build.note.missing", {
        roles: missing.map((r) => t(`cli.build.role.${r}`)).join(t("cli.build.listSeparator")),
        options: missing.map((r) => ROLE_OPTION[r as OptionalRole]).join(", "),
      }),
    );
  }
  for (const { col, option } of ambiguous) {
    notes.push(
      text(locale, "cli.note.ambiguous", {
        option,
        chosen: columnRef(table, col.index, locale),
        others: col.others.map((i) => columnRef(table, i, locale)).join(", "),
      }),
    );
  }
  return { customer, measure, single, attractiveness: criteria.attractiveness, strength: criteria.strength, notes };
}

function headerList(table: Table): string {
  return table.headers.map((h, i) => (h ? `${columnLetter(i)} "${h}"` : columnLetter(i))).join(", ");
}

/** The columns of a mapping, as the engine takes them, and where each name came from. */
export function salesColumnsOf(table: Table, mapped: MappedColumns): { columns: SalesColumns; indexOf: Map<string, number> } {
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
  const columns: SalesColumns = {
    customer,
    measure: mapped.measure === "profit" ? profit! : revenue!,
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
    portfolio = buildPortfolio(columns, spec, { dateOrder, optionalDate: date !== undefined && date.how !== "option" });
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
