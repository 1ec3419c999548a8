/**
 * HyperFormula (GPL-3.0) and Arquero are development dependencies of the benchmark only: the
 * add-in's webpack bundles must never contain them. The built bundles themselves are checked by
 * test/build/bundle-scan.test.ts, which builds them; here, that the check finds the libraries:
 * the markers match each library's own code, and foreignLibraries reports a bundle that holds it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundleFiles, FOREIGN_MARKERS, foreignLibraries } from "./bundles";

/** The library's own code, as a bundle would hold it. */
function libraryCode(library: "hyperformula" | "arquero"): string {
  if (library === "hyperformula") return fs.readFileSync(require.resolve("hyperformula"), "utf8");
  return fs.readFileSync(path.join(path.dirname(require.resolve("arquero/package.json")), "dist", "arquero.min.js"), "utf8");
}

describe("the check for development-only libraries in the add-in bundles", () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-bundles-"));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(["hyperformula", "arquero"] as const)("the %s marker matches the library's code", (library) => {
    const marker = FOREIGN_MARKERS.find((m) => m.library === library);
    expect(marker?.pattern.test(libraryCode(library))).toBe(true);
  });

  test("reports each bundle that holds a library, and nothing for the others", () => {
    fs.writeFileSync(path.join(dir, "functions.js"), `var engine = 1;\n${libraryCode("hyperformula")}`);
    fs.writeFileSync(path.join(dir, "taskpane.js"), `var pane = 2;\n${libraryCode("arquero")}`);
    fs.writeFileSync(path.join(dir, "commands.js"), "var commands = 3;");
    fs.writeFileSync(path.join(dir, "functions.json"), JSON.stringify({ note: "HyperFormula" })); // not a bundle
    expect(bundleFiles(dir).map((f) => path.basename(f))).toEqual(["commands.js", "functions.js", "taskpane.js"]);
    expect(foreignLibraries(dir)).toEqual(["functions.js: hyperformula", "taskpane.js: arquero"]);
  });
});
