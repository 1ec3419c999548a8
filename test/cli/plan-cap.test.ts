/**
 * The plan cap: one run makes at most MAX_PLAN_SHEETS account plans, in the pane (which
 * refuses more) and in `ka-planner build` (which writes the first plans of the selection, the
 * largest accounts, with the risk register of the same accounts, and says on stderr how many
 * it left out and how to choose).
 */
import * as path from "path";
import { runBuild } from "../../src/cli/commands/build";
import { Table } from "../../src/cli/input/table";
import { bufferIo } from "../../src/cli/io";
import { MAX_NEW_SHEETS } from "../../src/addin";
import { MAX_PLAN_SHEETS } from "../../src/sheets/account-plan";
import { tempDir } from "./helpers";

const CUSTOMERS = MAX_PLAN_SHEETS + 37;

function table(): Table {
  const names = Array.from({ length: CUSTOMERS }, (_, i) => `Account ${String(i).padStart(3, "0")}`);
  return {
    file: "many.csv",
    format: "csv",
    headers: ["Customer", "Revenue"],
    columns: [names, names.map((_, i) => 100000 - i)],
    rowCount: CUSTOMERS,
    sheetName: null,
    sheetNames: [],
    rowOffset: 1,
    rowOf: (i) => i + 2,
    lineOf: (i) => i + 2,
  };
}

/** A writer that renders nothing (the sheet models are what is checked). */
const noWorkbook = async (_s: unknown, _o: unknown, out: NodeJS.WritableStream) =>
  new Promise<void>((resolve) => out.end("x", () => resolve()));

describe("the plan cap", () => {
  it("is one number for the pane and the command line", () => {
    expect(MAX_NEW_SHEETS).toBe(MAX_PLAN_SHEETS);
    expect(MAX_PLAN_SHEETS).toBe(200);
  });

  for (const plans of [`top:${CUSTOMERS}`, "first-tier"]) {
    it(`build --plans ${plans}: the first ${MAX_PLAN_SHEETS} plans, largest first, and a note on the rest`, async () => {
      const io = bufferIo();
      const out = path.join(tempDir(), "cap.xlsx");
      // A single tier holding everyone: the first tier is all 237 accounts.
      const r = await runBuild(table(), { out, plans, thresholds: plans === "first-tier" ? "100%" : undefined }, io, {
        today: "2025-12-31",
        progress: false,
        writeWorkbook: noWorkbook,
      });
      expect(r.planIds).toHaveLength(MAX_PLAN_SHEETS);
      expect(r.plansLeftOut).toBe(CUSTOMERS - MAX_PLAN_SHEETS);
      expect(r.sheets.filter((s) => s.key.startsWith("plan")).map((s) => s.name)[0]).toBe("Plan – Account 000");
      expect(r.sheets.filter((s) => s.key.startsWith("plan"))).toHaveLength(MAX_PLAN_SHEETS);
      expect(r.planIds.map((id) => r.portfolio.analysis.customers.names[id])).toEqual(table().columns[0].slice(0, MAX_PLAN_SHEETS));
      expect(io.err()).toContain(
        `note: --plans selects ${CUSTOMERS} accounts; a workbook gets at most ${MAX_PLAN_SHEETS} plan sheets, so the first ${MAX_PLAN_SHEETS} (largest first, or as named) are written with the risk register, and ${CUSTOMERS - MAX_PLAN_SHEETS} are left out.`,
      );
      expect(io.out()).toContain(`${MAX_PLAN_SHEETS} key account plans`);
      expect(io.out()).toContain(`risk register of the ${MAX_PLAN_SHEETS} planned accounts`);
    }, 120000);
  }

  it("no note when the selection fits", async () => {
    const io = bufferIo();
    const r = await runBuild(table(), { out: path.join(tempDir(), "fit.xlsx"), plans: "top:3" }, io, {
      today: "2025-12-31",
      progress: false,
      writeWorkbook: noWorkbook,
    });
    expect(r.planIds).toHaveLength(3);
    expect(r.plansLeftOut).toBe(0);
    expect(io.err()).not.toContain("note: --plans");
  });
});
