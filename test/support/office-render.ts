/**
 * Rendering sheet models into the recording fake of the Excel API, and reading back what it
 * recorded: shared by the renderer's tests (test/render/office.test.ts) and the benchmark's
 * renderer case (test/bench/renderer-child.ts). No jest here, so plain node can run it.
 */
import { renderSheets, type RenderResult } from "../../src/render/office";
import { a1, isFormula, type SheetModel } from "../../src/sheets/model";
import type { FakeExcel } from "./fake-excel";

/** renderSheets into the fake, with the fake's requirement sets. */
export function render(fake: FakeExcel, sheets: SheetModel[], extra: Parameters<typeof renderSheets>[2] = {}): Promise<RenderResult> {
  return renderSheets(fake.context(), sheets, { isSetSupported: fake.isSetSupported, ...extra });
}

/** Size of the largest request from request `from` on. */
export const maxBytes = (fake: FakeExcel, from = 0): number => Math.max(...fake.requests.slice(from).map((r) => r.bytes));

/**
 * Checks that every cell of the model is in the fake as Excel must hold it (text/number/Boolean,
 * or the formula; empty where the model is empty); throws at the first that is not. Returns the
 * number of cells checked.
 */
export function checkSheetMatches(fake: FakeExcel, sheetName: string, model: SheetModel): number {
  const sheet = fake.sheet(sheetName);
  let checked = 0;
  for (const b of model.blocks) {
    b.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const stored = sheet.cells.get((b.row + r) * 16384 + b.col + c);
        const where = `${sheetName}!${a1(b.row + r, b.col + c)}`;
        if (isFormula(cell)) {
          if (stored?.formula !== "=" + cell.f) throw new Error(`${where}: expected formula =${cell.f}, got ${JSON.stringify(stored)}`);
        } else if (cell === null || cell === "") {
          if (stored !== undefined) throw new Error(`${where}: expected empty, got ${JSON.stringify(stored)}`);
        } else if (stored?.value !== cell || stored.formula !== undefined) {
          throw new Error(`${where}: expected ${JSON.stringify(cell)}, got ${JSON.stringify(stored)}`);
        }
        checked++;
      }),
    );
  }
  return checked;
}
