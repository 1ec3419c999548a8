/**
 * `office-addin-manifest info manifest.xml` (the tool behind `npm run validate`, used offline
 * here) must read our manifest and report its name, id and version.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-manifest.cmd" : "office-addin-manifest");

test("office-addin-manifest info reads the manifest", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const id = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
  const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
  expect(id).toBeTruthy();
  expect(version).toBeTruthy();

  const run = spawnSync(BIN, ["info", "manifest.xml"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  expect(run.error).toBeUndefined();
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^\s*Name: KA Planner$/m);
  expect(run.stdout).toMatch(/^\s*Provider: KA Planner$/m);
  expect(run.stdout).toContain(`Id: ${id}`);
  expect(run.stdout).toContain(`Version: ${version}`);
  expect(run.stdout).toMatch(/^\s*Hosts: Workbook$/m);
  expect(run.stdout).toMatch(/^\s*Permissions: ReadWriteDocument$/m);
});
