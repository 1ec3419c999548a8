/**
 * The 80/20 contribution sheet for finance (domain.md §2): per-customer table, tier borders,
 * reconciliation, per-tier summary, concentration figures and a Pareto chart.
 *
 * Layout (0-based rows; columns depend on which optional columns the portfolio has):
 *   row 0  title               row 1  subtitle (columns, scheme and borders, generated date)
 *   row 2  A: the headline figure (the concentration block's "customers for 80%, % of
 *          customers"), a formula whose number format hides it; B: the headline, ONE formula
 *          building the sentence from the figures (the template from the strings resources,
 *          the measure's name read from a cell, never written into formula text); the engine's
 *          sentence as its value
 *   row 3  note (subtitle and note are merged over the table's width and wrapped, so they print)
 *   row 4  header of the customer table (an Excel table "KA_Contribution"), data from row 5,
 *          one row per customer with a value >= 0, in the engine's ranking order:
 *          Rank | Customer | <measure> | [Revenue] | [Profit] | [Effort] | Share |
 *          Cumulative share | Exclusive share | Tier
 *   below the table, after one blank row: loss-making customers (outside the shares), the
 *          no-customer line and the Total line (reconciles with SUM over the source column)
 *   right of the table (one blank column between), from row 4 down: tier borders (input
 *          cells, named KA_ThresholdA, KA_ThresholdB, …), reconciliation (the positive
 *          total: the shares' denominator, KA_PositiveTotal), summary by tier, concentration
 *          figures, the chart's data (top N customers, then "Other" for reference); the chart
 *          beside the concentration figures, under the summary: the top N customers' columns
 *          only (the cumulative line is still the share of all customers at each rank), value
 *          axis #,##0.
 *
 * Widths fit the headers and the data (common.ts fitColumns); long headers wrap. Print: the
 * customer table (title to the total), portrait, one page wide, its header row repeated on
 * every page; the side blocks and the chart are for the screen.
 *
 * Formulas (portable mode), for table row r (first data row 5, i.e. A1 row 6):
 *   Share            IF($T>0, C_r/$T, 0)            ($T: the positive total cell)
 *   Cumulative share MIN(1, E_r)  first row;  MIN(1, F_{r-1}+E_r) after
 *   Exclusive share  0 first row;  IF(C_r=C_{r-1}, G_{r-1}, F_{r-1}) after (ties share it)
 *   Tier             IF(C_r<=0, <last label>, IF(ROUND(G_r,12)<ROUND(<border 1>,12), <label 1>, …))
 *   ROUND(…,12) on both sides keeps floating-point noise from moving a customer across a
 *   border that it meets exactly (the engine decides borders in exact decimal arithmetic).
 *   Every row refers to itself and the row above only: O(n) cells, no per-row range.
 *   Summary rows use COUNTIF/SUMIF over the table (one per tier, not per customer).
 *
 * Live mode (options.live): KA.PARETO and KA.CONCENTRATION over the source ranges, spilling,
 * with the tier borders still editable input cells; no Excel table (spills cannot sit in one)
 * and no chart (its size would follow the spill).
 */
import { concentrationTable } from "../engine/formulas/concentration";
import { paretoTable } from "../engine/formulas/pareto";
import { Portfolio } from "../engine/portfolio";
import { text } from "../strings";
import { abs, FORMAT, fx, SheetBuilder } from "./sheet-builder";
import { liveRanges, SheetOptions } from "./sheet-options";
import { quoted, sourceRef } from "./formula-text";
import { formattedText } from "./number-text";
import { fitWidth } from "./column-widths";
import { SheetModel } from "./model";

import { buildPortable } from "./contribution-portable";
import { NOTE, HEADER, FIRST, TAB_COLOR, contextOf, headlineRow, header, wide, borders } from "./contribution-context";

export interface ContributionOptions extends SheetOptions {
  /** Customers shown one by one in the Pareto chart before the rest is summed as "Other" (default 50). */
  readonly chartCustomers?: number;
}

export function buildContributionSheet(portfolio: Portfolio, options: ContributionOptions): SheetModel {
  return options.live ? buildLive(portfolio, options) : buildPortable(portfolio, options);
}

function buildLive(p: Portfolio, options: ContributionOptions): SheetModel {
  const c = contextOf(p, options);
  const { t, loc } = c;
  const source = liveRanges(options.live, "contribution sheet");
  const customer = sourceRef(source.customer, "customer");
  const value = sourceRef(source.value, "value");
  const b = new SheetBuilder();
  const pareto = paretoTable(p.analysis, Infinity, loc);
  const width = pareto[0].length;
  header(b, c, options, width);
  wide(b, NOTE, t("liveNote", { customer, value }), "note", width);

  const X = width + 1;
  const bord = borders(b, c, HEADER, X);
  const thresholds = `${abs(bord.borderRange.row, X + 1)}:${abs(bord.borderRange.row + bord.borderRange.rows - 1, X + 1)}`;
  b.spill(
    FIRST,
    0,
    {
      ...fx(`KA.PARETO(${customer},${value},,${quoted(p.analysis.spec.scheme)},${thresholds},${quoted(loc)})`, pareto[0][0] as string),
      spill: { rows: pareto.length, cols: width },
    },
    { style: "body" },
  );
  // The measure's name in a cell of its own: the headline formula reads it there.
  const measureRow = bord.next;
  b.block(measureRow, X, [[t("measure"), p.measureName]], { style: "body" });
  const concTable = concentrationTable(c.conc, loc);
  const concRow = measureRow + 3;
  b.cell(concRow - 1, X, t("section.concentration"), { style: "section" });
  b.spill(
    concRow,
    X,
    {
      ...fx(`KA.CONCENTRATION(${value},${customer},${quoted(loc)})`, concTable[0][0] as string),
      spill: { rows: concTable.length, cols: 2 },
    },
    { style: "body" },
  );
  // The headline reads the spilled figures: "customers needed for 80%" (count and % of customers), all customers, the positive total.
  const spilled = (label: string) => {
    const i = concTable.findIndex((r) => r[0] === label);
    if (i < 0) throw new Error(`KA.CONCENTRATION has no row "${label}"`);
    return abs(concRow + i, X + 1);
  };
  headlineRow(
    b,
    c,
    {
      fraction: spilled(text(loc, "concentration.customersForPct", { pct: "80%" })),
      count: spilled(text(loc, "concentration.customersFor", { pct: "80%" })),
      customers: spilled(text(loc, "concentration.customers")),
      measure: abs(measureRow, X + 1),
      positiveTotal: spilled(text(loc, "concentration.positiveTotal")),
    },
    width - 1,
  );
  pareto[0].forEach((h, i) =>
    b.width(
      i,
      fitWidth({
        header: String(h),
        texts: i === 1 ? pareto.map((r) => String(r[1])) : [formattedText(c.conc.netTotal, FORMAT.money)],
        min: 8,
        max: 42,
      }),
    ),
  );
  b.fitColumns([X, X + 1], { min: 8, max: 48, lines: 1 });
  b.width(X, fitWidth({ texts: concTable.map((r) => String(r[0])), max: 48 }));
  b.width(X - 1, 3);
  return b.build({ key: "contribution", name: t("sheetName"), freeze: { rows: FIRST + 1, cols: 0 }, tabColor: TAB_COLOR });
}
