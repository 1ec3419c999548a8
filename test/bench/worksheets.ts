/**
 * WORKSHEET CASES — the hook. Each case returns one record for results.json (`name`, `n`,
 * timings, memory). To be added here when their code lands:
 *   - "500 plan sheets headless: build + write xlsx"  (src/sheets/account-plan.ts + src/render/xlsx)
 *   - "Office.js renderer against the recording fake at 1k/10k/100k rows" (src/render/office +
 *     test/support/fake-excel.ts)
 * Bundle sizes (dist/*.js raw and gzipped) are measured in run.ts through bundles.ts.
 */
export type WorksheetCase = Record<string, unknown> & { name: string };

export async function worksheetCases(_quick: boolean): Promise<WorksheetCase[]> {
  return [];
}
