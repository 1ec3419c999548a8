/**
 * Ctrl-C during `ka-planner build` (`npm run build:cli`'s output, compiled here into a temporary
 * folder): the command line, in a child process, gets SIGINT
 * while its temporary workbook file exists (the .xlsx writer streams into it). It must remove
 * the file and end as an interrupted process does (exit code 130), leaving the folder as it was.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { compileCli, tempDir, tempFile } from "./helpers";

describe("Ctrl-C during build", () => {
  let cli: ReturnType<typeof compileCli>;
  beforeAll(() => {
    cli = compileCli();
  }, 240000);

  it("removes the temporary file and exits with 130", async () => {
    // 4,000 customers over 24 months: the workbook takes seconds to write.
    let csv = "Customer,Date,Revenue,Profit\n";
    for (let i = 0; i < 24000; i++)
      csv += `Customer ${i % 4000},2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},${(i % 977) + 10},${(i % 50) - 5}\n`;
    const input = tempFile("big.csv", csv);
    const dir = tempDir();
    const child: ChildProcess = spawn(
      process.execPath,
      [cli.main, "build", input, "--out", path.join(dir, "ka.xlsx"), "--plans", "top:20"],
      { env: cli.env, stdio: "ignore" },
    );
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    let seen = "";
    const poll = setInterval(() => {
      const tmp = fs.readdirSync(dir).find((f) => f.endsWith(".tmp"));
      if (tmp && !seen) {
        seen = tmp;
        child.kill("SIGINT");
      }
    }, 5);
    const result = await exited;
    clearInterval(poll);
    expect(seen).toMatch(/^\.ka\.xlsx\.[0-9a-f]+\.tmp$/);
    expect(result).toEqual({ code: 130, signal: null });
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 240000);
});
