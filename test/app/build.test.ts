/**
 * The one build orchestration (src/app/build.ts) the add-in and `ka-planner build` share: the
 * date, the sheets a choice makes and their order, the plan cap, and saved weights that no
 * longer fit the criteria.
 */
import { buildSheetModels, choosePlanAccounts, SheetChoice, today } from "../../src/app/build";
import { mappedSalesColumns } from "../../src/app/sales-columns";
import { buildPortfolio } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";
import { MAX_PLAN_SHEETS } from "../../src/sheets/account-plan";

/** `n` customers with falling revenue and one criterion per axis. */
function portfolioOf(n: number) {
  const ids = Array.from({ length: n }, (_, i) => i);
  const columns = [ids.map((i) => `Customer ${i}`), ids.map((i) => 1000 * (n - i)), ids.map((i) => i % 7), ids.map((i) => (i * 3) % 5)];
  const headers = ["Customer", "Revenue", "Market growth", "Share of wallet"];
  const { columns: sales } = mappedSalesColumns(headers, columns, { customer: 0, revenue: 1, attractiveness: [2], strength: [3] });
  return buildPortfolio(sales, tierSpecOf(null, null, null, "en"));
}

const options = { locale: "en" as const, generated: "2025-06-30" };

describe("today", () => {
  test("the local calendar day, as YYYY-MM-DD", () => {
    expect(today(new Date(2025, 2, 5, 23, 59))).toBe("2025-03-05");
    expect(today(new Date(2024, 11, 31, 0, 0))).toBe("2024-12-31");
  });
});

describe("buildSheetModels", () => {
  const portfolio = portfolioOf(12);
  const accounts = [0, 1, 2];
  const keysOf = (choice: SheetChoice) =>
    buildSheetModels(portfolio, { choice, options, accounts }).sheets.map((s) => s.account ?? s.model.key.split(":")[0]);

  test.each([
    ["contribution", ["contribution"]],
    ["matrix", ["matrix"]],
    ["plans", [0, 1, 2]],
    ["risk", ["risk-register"]],
    ["all", ["contribution", "matrix", 0, 1, 2, "risk-register"]],
  ] as const)("%s makes %j", (choice, expected) => {
    expect(keysOf(choice)).toEqual(expected);
  });

  test("no accounts: no plan sheets and no risk register", () => {
    const built = buildSheetModels(portfolio, { choice: "all", options, accounts: [] });
    expect(built.sheets.map((s) => s.model.key)).toEqual(["contribution", "matrix"]);
  });

  test("progress once before the first plan and after each", () => {
    const calls: [number, number][] = [];
    buildSheetModels(portfolio, { choice: "plans", options, accounts, onPlan: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  test("weights that do not fit the criteria: equal weights, and the caller is told", () => {
    const fits = buildSheetModels(portfolio, { choice: "matrix", options, accounts, weights: { attractiveness: [2], strength: [1] } });
    expect(fits.weightsIgnored).toBe(false);
    const stale = buildSheetModels(portfolio, {
      choice: "matrix",
      options,
      accounts,
      weights: { attractiveness: [1, 1, 1], strength: [1] },
    });
    expect(stale.weightsIgnored).toBe(true);
    expect(stale.sheets.map((s) => s.model.key)).toEqual(["matrix"]);
  });
});

describe("choosePlanAccounts", () => {
  test("the first MAX_PLAN_SHEETS of the selection get a plan, largest first", () => {
    const portfolio = portfolioOf(MAX_PLAN_SHEETS + 5);
    const { selected, planned, unknown } = choosePlanAccounts(portfolio, { top: MAX_PLAN_SHEETS + 3 });
    expect(selected).toHaveLength(MAX_PLAN_SHEETS + 3);
    expect(planned).toEqual(selected.slice(0, MAX_PLAN_SHEETS));
    expect(planned.slice(0, 3)).toEqual([0, 1, 2]);
    expect(unknown).toEqual([]);
  });

  test("names no customer has are reported", () => {
    const { selected, unknown } = choosePlanAccounts(portfolioOf(5), { names: ["Customer 3", "Nobody"] });
    expect({ selected, unknown }).toEqual({ selected: [3], unknown: ["Nobody"] });
  });
});
