/**
 * The pane's preview (PreviewTable) on a pasted PivotTable: the grand total the actions leave
 * out is marked, and named by its worksheet row below the table.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { readPreview } from "../../src/addin/mapping";
import type { DetectedTable } from "../../src/addin/types";
import { PreviewTable } from "../../src/taskpane/components/PreviewTable";
import { LocaleContext } from "../../src/taskpane/i18n";
import type { Planner } from "../../src/taskpane/usePlanner";

const rows = [
  ["总计", 60],
  ["甲", 10],
  ["乙", 20],
  ["丙", 30],
];
const table: DetectedTable = {
  sheetName: "Pivot",
  address: "Pivot!A1:B5",
  source: "region",
  rowCount: 4,
  columnCount: 2,
  headers: ["行标签", "求和项:销售额"],
  preview: rows,
  sample: rows,
};
const mapping = { customer: 0, revenue: 1 };

function render(locale: "en" | "zh"): string {
  const planner = { state: { table, mapping }, api: { readPreview } } as unknown as Planner;
  return renderToStaticMarkup(createElement(LocaleContext.Provider, { value: locale }, createElement(PreviewTable, { planner })));
}

test("the preview marks the grand total first as left out and names its row", () => {
  const html = render("en");
  expect(html).toContain("总计 (left out: total row) · 甲 · 乙");
  expect(html).toContain("Left out as total rows: row 2 &quot;总计&quot;");
  expect(render("zh")).toContain("作为合计行剔除：第 2 行 &quot;总计&quot;");
});
