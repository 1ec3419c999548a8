/**
 * A private folder for the temporary files ExcelJS's streaming reader makes (sheets stored
 * before the shared strings are inflated into files until the strings are read). ExcelJS makes
 * them with the `tmp` package, in the system's temporary folder, and removes them only when a
 * read ends normally: a failed or interrupted read left decompressed copies of the user's data
 * behind. While a read runs, the `tmp` that ExcelJS loads is told to use a folder of ours,
 * tracked by temp-files.ts: removed with everything in it when the last read ends, on exit, and
 * on Ctrl-C, kill or a closed terminal. (Setting TMPDIR instead is not seen by os.tmpdir() in
 * every runtime: Jest's sandboxed process.env does not reach it.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { trackTempFile, untrackTempFile } from "../temp-files";

type TmpFile = (options?: unknown, callback?: unknown) => unknown;
interface TmpModule {
  file: TmpFile;
}

/** The `tmp` module instance ExcelJS requires (resolved from ExcelJS's own folder). */
function excelJsTmp(): TmpModule {
  const excelJs = path.dirname(require.resolve("exceljs/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve("tmp", { paths: [excelJs] })) as TmpModule;
}

let active = 0;
let folder: string | null = null;
let original: TmpFile | null = null;

function enter(): void {
  if (active++ > 0) return;
  const dir = trackTempFile(fs.mkdtempSync(path.join(os.tmpdir(), "ka-planner-read-")));
  folder = dir;
  const tmp = excelJsTmp();
  const file = tmp.file;
  original = file;
  // ExcelJS calls tmp.file(callback); options given explicitly keep theirs, in our folder.
  tmp.file = (options?: unknown, callback?: unknown) =>
    typeof options === "function" ? file({ tmpdir: dir }, options) : file({ ...(options as object), tmpdir: dir }, callback);
}

function leave(): void {
  if (--active > 0) return;
  if (original) excelJsTmp().file = original;
  original = null;
  const f = folder;
  folder = null;
  if (f === null) return;
  try {
    fs.rmSync(f, { recursive: true, force: true });
    untrackTempFile(f);
  } catch {
    // still tracked: removed on exit
  }
}

/** Runs `read` with the reader's temporary files in a private folder, removed afterwards. */
export async function withReaderTempDir<T>(read: () => Promise<T>): Promise<T> {
  enter();
  try {
    return await read();
  } finally {
    leave();
  }
}
