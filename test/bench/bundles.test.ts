/**
 * HyperFormula (GPL-3.0) and Arquero are development dependencies of the benchmark only: the
 * add-in's webpack bundles must never contain them. Checked on dist/*.js when the add-in is
 * built (CI builds after the tests, so there the benchmark makes the same check); nothing to
 * check otherwise.
 */
import * as fs from "fs";
import * as path from "path";
import { bundleFiles, FOREIGN_MARKERS, foreignLibraries } from "./bundles";

const DIST = path.join(__dirname, "../../dist");

describe("the add-in bundles", () => {
  test("hold neither HyperFormula nor Arquero (when dist/ is built)", () => {
    expect(foreignLibraries(DIST)).toEqual([]);
  });

  test("the markers find the libraries where they are", () => {
    const hf = fs.readFileSync(require.resolve("hyperformula"), "utf8");
    expect(FOREIGN_MARKERS.find((m) => m.library === "hyperformula")!.pattern.test(hf)).toBe(true);
    const aqDir = path.dirname(require.resolve("arquero/package.json"));
    const aq = fs.readFileSync(path.join(aqDir, "dist", "arquero.min.js"), "utf8");
    expect(FOREIGN_MARKERS.find((m) => m.library === "arquero")!.pattern.test(aq)).toBe(true);
    expect(Array.isArray(bundleFiles(path.join(DIST, "no-such-folder")))).toBe(true);
  });
});
