/**
 * The formula approach users type today, against KA.TIER, in one spreadsheet engine
 * (HyperFormula, GPL-v3 licence key; a development dependency of the benchmark only, never
 * bundled into the add-in).
 *
 * - formula approach: one formula per row, the exclusive-share form of the tier rule
 *   =IF(SUMIF($A$1:$A$N,">"&A1)/SUM($A$1:$A$N)<0.8,"A",IF(SUMIF(...)/SUM(...)<0.95,"B","C"))
 * - KA.TIER: registered as a HyperFormula function plugin; its method receives the range and
 *   calls our custom-function entry point (the same wrapper Excel calls).
 *
 * Both are timed as the user meets them: typing the formula(s) into a sheet that holds the
 * values (the initial calculation, results read back), and editing one value (the
 * recalculation, results read back).
 */
import { ArraySize, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
// The types of a plugin method's arguments and result, which the package's index does not re-export.
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { InternalScalarValue, InterpreterValue } from "hyperformula/typings/interpreter/InterpreterValue";
import type { ProcedureAst } from "hyperformula/typings/parser";
import { tier } from "./ours";

const LICENSE = "gpl-v3";

class KaPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    "KA.TIER": {
      method: "kaTier",
      sizeOfResultArrayMethod: "kaTierSize",
      parameters: [{ argumentType: FunctionArgumentType.RANGE }],
      vectorizationForbidden: true,
    },
  };

  kaTier(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    // KA.TIER spills one label (a string) per row: scalars HyperFormula can hold.
    return this.runFunction(ast.args, state, this.metadata("KA.TIER"), (range: SimpleRangeValue) =>
      SimpleRangeValue.onlyValues(tier(range.rawData()) as InternalScalarValue[][]),
    );
  }

  kaTierSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const arg = this.arraySizeForAst(ast.args[0], state);
    return new ArraySize(1, arg.height);
  }
}

let registered = false;
function register(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(KaPlugin, { enGB: { "KA.TIER": "KA.TIER" }, enUS: { "KA.TIER": "KA.TIER" } });
  registered = true;
}

function tierFormulaRow(row: number, n: number): string {
  const range = `$A$1:$A$${n}`;
  const share = `SUMIF(${range},">"&A${row})/SUM(${range})`;
  return `=IF(${share}<0.8,"A",IF(${share}<0.95,"B","C"))`;
}

export type Approach = "formulas" | "ka-tier";

/** A sheet holding the values in column A, no formulas yet. */
export function valueSheet(values: Float64Array): HyperFormula {
  register();
  const sheet = new Array<number[]>(values.length);
  for (let i = 0; i < values.length; i++) sheet[i] = [values[i]];
  return HyperFormula.buildFromArray(sheet, { licenseKey: LICENSE });
}

/** Types the approach's formula(s) into column B and reads the results back. */
export function enterFormulas(hf: HyperFormula, approach: Approach, n: number): unknown[][] {
  if (approach === "formulas") {
    const formulas = new Array<string[]>(n);
    for (let i = 0; i < n; i++) formulas[i] = [tierFormulaRow(i + 1, n)];
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, formulas);
  } else {
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[`=KA.TIER(A1:A${n})`]]);
  }
  return readResults(hf, n);
}

/** Edits one value (row index) and reads the recalculated results back. */
export function editValue(hf: HyperFormula, row: number, value: number, n: number): unknown[][] {
  hf.setCellContents({ sheet: 0, row, col: 0 }, value);
  return readResults(hf, n);
}

function readResults(hf: HyperFormula, n: number): unknown[][] {
  return hf.getRangeValues({ start: { sheet: 0, row: 0, col: 1 }, end: { sheet: 0, row: n - 1, col: 1 } });
}

export function labelsOf(results: unknown[][]): string[] {
  return results.map((r) => {
    const v = r[0];
    if (typeof v !== "string") throw new Error(`not a label: ${JSON.stringify(v)}`);
    return v;
  });
}
