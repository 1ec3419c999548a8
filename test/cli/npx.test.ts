/**
 * `npx ka-planner` right after `npm ci`: npm runs the package's `prepare` script on install,
 * which builds the command line into dist-cli/ (package.json's "bin"), and npx finds the bin
 * of the project it is run in without any network. Run from the repository itself, as the
 * README tells users to.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
const npx = (...args: string[]) =>
  execFileSync("npm", ["exec", "--offline", "--no", "--", "ka-planner", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, KA_PLANNER_LOCALE: "en" },
  });

describe("npx ka-planner", () => {
  test("install builds the bin: prepare runs the CLI build, whose output is the bin package.json names", () => {
    expect(pkg.scripts.prepare).toBe("npm run build:cli");
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.cli.json"), "utf8")) as { compilerOptions: { outDir: string } };
    expect(pkg.bin["ka-planner"]).toBe(`${tsconfig.compilerOptions.outDir}/cli/main.js`);
    expect(fs.existsSync(path.join(ROOT, pkg.bin["ka-planner"]))).toBe(true);
  });

  test("--version prints the package's version", () => {
    expect(npx("--version").trim()).toBe(pkg.version);
  });

  test("--help lists the commands", () => {
    const help = npx("--help");
    for (const command of ["tiers", "pareto", "concentration", "build", "sample"])
      expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });
});
