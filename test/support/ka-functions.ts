/**
 * The KA functions as the build sees them: src/functions/functions.ts read by the metadata
 * generator the webpack plugin runs (custom-functions-metadata). Tests take the list of
 * functions from here, never from a copy, so functions.ts stays the one place that defines it.
 * Synchronous (parseTree, the generator's own parser) so that test.each can use it.
 */
import * as fs from "fs";
import * as path from "path";
import { parseTree, type IFunction } from "custom-functions-metadata";

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

/** The generated metadata's functions, in the order functions.ts declares them. */
function kaFunctions(): IFunction[] {
  const parsed = parseTree(fs.readFileSync(FUNCTIONS_SOURCE, "utf8"), FUNCTIONS_SOURCE);
  const errors = parsed.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`functions.ts metadata: ${errors.join("; ")}`);
  return parsed.functions;
}

/** The ids (TIER, PARETO, …) of the KA functions. */
export function kaFunctionIds(): string[] {
  return kaFunctions().map((f) => f.id);
}
