/**
 * Text for a terminal. Customer names, headers, sheet and file names come from the user's
 * files, and a terminal acts on what it is sent: ESC starts CSI/OSC sequences (move the cursor,
 * erase lines, set the window title, OSC 52 writes the clipboard, OSC 8 hides a link behind
 * text), other C0 and C1 controls do the same in some terminals, a bare carriage return
 * overwrites the start of the line, and the bidi overrides (U+202A–U+202E, U+2066–U+2069) show
 * text in another order than it is. So everything the command line prints for people — the
 * table format, summaries, every stderr message — goes through terminalText: each such
 * character is shown as a visible escape (`\x1b`, `\u202e`), lone surrogates as U+FFFD, and all
 * printable text (CJK, emoji) stays as it is. CSV and JSON output are data and stay exact.
 */
import { Output } from "../io";
import { wellFormed } from "../../excel/well-formed";

/** C0 controls but tab and line feed, DEL, C1, bidi marks and overrides, line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

function visible(ch: string): string {
  const cp = ch.charCodeAt(0);
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u${cp.toString(16).padStart(4, "0")}`;
}

/** Text safe to print: controls shown as escapes, lone surrogates as U+FFFD; line feeds and tabs kept. */
export function terminalText(s: string): string {
  return wellFormed(s).replace(UNSAFE, visible);
}

/** A stream that passes the terminal's own sequences (progress) through `control`. */
export interface TerminalOutput extends Output {
  readonly isTTY?: boolean;
  readonly columns?: number;
  /** Writes the command line's own control sequences unchanged (erase the progress line). */
  control?(sequence: string): unknown;
}

/** Wraps a stream so that everything written to it is terminal text. */
export function terminalStream(out: Output & { readonly isTTY?: boolean; readonly columns?: number }): TerminalOutput {
  return {
    write: (s: string) => out.write(terminalText(s)),
    control: (sequence: string) => out.write(sequence),
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
  };
}
