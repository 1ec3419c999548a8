/**
 * Files the command line creates for a while (the output's temporary file, the reader's
 * inflated copies of the user's data) and must not leave behind: removed when the work is done,
 * when the process exits on an exception, and when it is interrupted (Ctrl-C, kill, a closed
 * terminal). Node's default for those signals ends the process without running "exit"
 * listeners, so each is caught once, the files removed, and the process then ends as the signal
 * would have ended it (exit code 128 + the signal number).
 */
import * as fs from "fs";

const pending = new Set<string>();
let hooked = false;

const SIGNALS: readonly [NodeJS.Signals, number][] = [
  ["SIGINT", 2],
  ["SIGTERM", 15],
  ["SIGHUP", 1],
];

/** Removes every tracked file now (synchronously: it runs on exit and on a signal). */
function removeTrackedFiles(): void {
  for (const f of pending) {
    try {
      fs.rmSync(f, { force: true, recursive: true });
    } catch {
      // best effort: the process is ending
    }
  }
  pending.clear();
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once("exit", removeTrackedFiles);
  for (const [signal, number] of SIGNALS) {
    process.once(signal, () => {
      removeTrackedFiles();
      process.exit(128 + number);
    });
  }
}

/** Tracks a temporary file (or folder) until untrackTempFile; returns its path. */
export function trackTempFile(path: string): string {
  hook();
  pending.add(path);
  return path;
}

/** Stops tracking (after the file was removed or took its final name). */
export function untrackTempFile(path: string): void {
  pending.delete(path);
}
