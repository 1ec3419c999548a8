/**
 * Writing a file atomically: the bytes go to a temporary file in the target's folder (same
 * file system), are flushed to disk, and only then take the target's name. A failure at any
 * point (disk full, permission, a crash of the writer) removes the temporary file and leaves
 * the target as it was: either the old file or no file, never half a workbook.
 *
 * Without `force`, an existing target is never replaced: the final step is a hard link, which
 * fails if the name was taken in the meantime (no check-then-write race); on file systems
 * without hard links it falls back to a check and a rename. With `force`, rename() replaces
 * the target atomically.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as nodePath from "path";
import { CliError } from "../errors";
import { trackTempFile, untrackTempFile } from "../temp-files";

export interface AtomicWriteOptions {
  /** Replace an existing file. */
  readonly force?: boolean;
  /** The name shown in messages (as the user typed it). */
  readonly display?: string;
  /** The message key for "the target exists" ({file}); default the build's. */
  readonly existsKey?: string;
  /** Writes the bytes to the temporary file (tests inject failures here). */
  readonly writeTemp?: (tempPath: string, data: Uint8Array) => Promise<void>;
}

/** A new file for a streaming writer: created exclusively (never an existing file or link). */
export function createTempStream(tempPath: string): fs.WriteStream {
  return fs.createWriteStream(tempPath, { flags: "wx", mode: 0o666 });
}

/** Flushes a written file to disk (before it takes the target's name). */
export async function syncFile(path: string): Promise<void> {
  const fh = await fs.promises.open(path, "r+");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A hidden temporary name next to the target: .name.xlsx.<random>.tmp */
function tempNameFor(target: string): string {
  return nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${crypto.randomBytes(6).toString("hex")}.tmp`);
}

/**
 * Throws the "already exists" error if `target` exists and force is not set; or if it is a
 * folder. The name itself is looked at (lstat): a symbolic link there is an existing file,
 * never followed, and with force it is the link that gets replaced, not the file it points to.
 */
export function checkTarget(target: string, display: string, force: boolean, existsKey = "cli.build.error.exists"): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new CliError("cli.build.error.write", { file: display, detail: (e as Error).message });
  }
  if (stat.isDirectory()) throw new CliError("cli.build.error.outIsDir", { file: display });
  if (!force) throw new CliError(existsKey, { file: display });
}

/** A file-system failure (it has an error code) becomes the "cannot write" message; anything else (a writer's bug) stays as it is. */
function writeError(display: string, e: unknown): unknown {
  if (e instanceof CliError) return e;
  const err = e as NodeJS.ErrnoException;
  return err?.code ? new CliError("cli.build.error.write", { file: display, detail: `${err.code}: ${err.message}` }) : e;
}

/**
 * Writes `target` atomically through `writeTemp`, which creates the temporary file itself (for
 * writers that stream: create it exclusively, "wx", and flush it) — see the module comment.
 */
export async function writeAtomicWith(
  target: string,
  writeTemp: (tempPath: string) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const display = options.display ?? target;
  const force = options.force === true;
  const abs = nodePath.resolve(target);
  checkTarget(abs, display, force, options.existsKey);
  const temp = tempNameFor(abs);
  trackTempFile(temp);
  try {
    await writeTemp(temp);
    if (force) {
      await fs.promises.rename(temp, abs);
    } else {
      try {
        await fs.promises.link(temp, abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new CliError(options.existsKey ?? "cli.build.error.exists", { file: display });
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV") throw e;
        // No hard links here (FAT, some network shares): check, then rename.
        checkTarget(abs, display, false, options.existsKey);
        await fs.promises.rename(temp, abs);
      }
    }
  } catch (e) {
    throw writeError(display, e);
  } finally {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    untrackTempFile(temp);
  }
}
