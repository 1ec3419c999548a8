import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliError } from "../../src/cli/errors";
import { run } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";

const FIXTURES = path.join(__dirname, "..", "fixtures");
export const fixture = (name: string) => path.join(FIXTURES, name);

/** Runs the command line in-process; what it printed and its exit code. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await run(argv, io, "en");
  return { code, out: io.out(), err: io.err() };
}

const created: string[] = [];

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = "ka-planner-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a file in a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const p = path.join(tempDir(), name);
  fs.writeFileSync(p, content);
  return p;
}

/** The CliError a promise rejects with (fails the test when it resolves or throws anything else). */
export async function failure(p: Promise<unknown>): Promise<CliError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error("expected a CliError");
}

/**
 * The command line compiled into a fresh temporary folder (so that tests never race over
 * dist-cli): its main.js, and an environment that finds the repository's node_modules.
 */
export function compileCli(): { main: string; env: NodeJS.ProcessEnv } {
  const root = path.join(__dirname, "..", "..");
  const out = tempDir("ka-planner-cli-");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json", "--outDir", out],
    { cwd: root, stdio: "pipe" },
  );
  return {
    main: path.join(out, "cli", "main.js"),
    env: { ...process.env, NODE_PATH: path.join(root, "node_modules"), KA_PLANNER_LOCALE: "en" },
  };
}
