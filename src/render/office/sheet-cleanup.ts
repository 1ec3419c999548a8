/**
 * Removing what a failed sheet of this run created, and nothing else: never a user's sheet or
 * name, never another run's.
 */
import { MAX_SHEET_NAME, type SheetNames } from "../../excel/sheet-names";
import { truncateUnits } from "../../excel/well-formed";
import type { CleanupOutcome } from "./render-error";
import { refersToProperty, refersToSheet } from "./temp-sheets";

export interface SheetAttempt {
  tempName: string;
  finalName: string;
  id?: string;
  definedNames: readonly string[];
}

/**
 * Removes what a failed sheet of THIS run created: its sheet, found by id or by its temporary
 * name (which carries the run id), never by its final name (another run, or the user, may have
 * taken that name meanwhile); and the workbook names it added, only those that refer to that
 * sheet (by its current name), never a name of another run or of the user.
 */
export async function cleanUp(
  context: Excel.RequestContext,
  attempt: SheetAttempt,
  preexistingIds: ReadonlySet<string>,
  sheetNames: SheetNames,
  supports: (version: string) => boolean,
): Promise<{ outcome: CleanupOutcome; incompleteName?: string }> {
  try {
    const sheets = context.workbook.worksheets;
    const candidates = [...(attempt.id ? [sheets.getItemOrNullObject(attempt.id)] : []), sheets.getItemOrNullObject(attempt.tempName)];
    candidates.forEach((candidate) => candidate.load("id,name"));
    const refersTo = refersToProperty(supports);
    const names = attempt.definedNames.map((name) => {
      const item = context.workbook.names.getItemOrNullObject(name);
      item.load(`name,${refersTo}`);
      return item;
    });
    await context.sync();
    const ours = candidates.find(
      (candidate) =>
        !candidate.isNullObject &&
        !preexistingIds.has(candidate.id) &&
        (candidate.id === attempt.id || candidate.name === attempt.tempName),
    );
    if (!ours) return { outcome: "not-created" };
    for (const item of names) {
      if (!item.isNullObject && refersToSheet(refersTo === "formula" ? item.formula : item.value, ours.name)) item.delete();
    }
    ours.delete();
    try {
      await context.sync();
      return { outcome: "deleted" };
    } catch {
      const incompleteName = sheetNames.claim(`${truncateUnits(attempt.finalName, MAX_SHEET_NAME - 13)} (incomplete)`);
      const sheet = context.workbook.worksheets.getItem(ours.id);
      sheet.name = incompleteName;
      sheet.getRange("A1").values = [["'INCOMPLETE: this sheet was not fully written by KA Planner and can be deleted."]];
      await context.sync();
      return { outcome: "marked-incomplete", incompleteName };
    }
  } catch {
    return { outcome: "cleanup-failed" };
  }
}
