/**
 * A one-line progress display on stderr for long work ("Plans 37/120 [#####.....]"), drawn
 * only when stderr is a terminal: redirected or piped stderr (logs, CI, tests) gets nothing,
 * so that it never fills a log with carriage returns. Redraws are throttled; the line is
 * erased when the work is done, before the summary is printed.
 */
import { displayWidth } from "./format";
import { terminalText, TerminalOutput } from "./terminal";

export type ProgressOutput = TerminalOutput;

const BAR = 20;
const MIN_INTERVAL_MS = 80;

export class Progress {
  private shown = false;
  private last = -Infinity;

  /** `out` null: a progress that draws nothing. */
  constructor(
    private readonly out: ProgressOutput | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Draws on `stream` only if it is a terminal (or when forced on, e.g. in tests). */
  static on(stream: ProgressOutput, enabled: boolean = stream.isTTY === true, now: () => number = Date.now): Progress {
    return new Progress(enabled ? stream : null, now);
  }

  get enabled(): boolean {
    return this.out !== null;
  }

  /** "label done/total [####....]"; throttled, except for the last step. */
  count(label: string, done: number, total: number): void {
    if (!this.out) return;
    const t = this.now();
    if (done < total && t - this.last < MIN_INTERVAL_MS) return;
    this.last = t;
    const filled = total > 0 ? Math.round((BAR * Math.min(done, total)) / total) : BAR;
    this.draw(this.out, `${label} ${done}/${total} [${"#".repeat(filled)}${".".repeat(BAR - filled)}]`);
  }

  /** A status line without a count ("Writing out.xlsx…"). */
  status(line: string): void {
    if (!this.out) return;
    this.last = this.now();
    this.draw(this.out, line);
  }

  /** Erases the line (call before printing anything else). */
  clear(): void {
    if (!this.out || !this.shown) return;
    this.erase(this.out);
    this.shown = false;
  }

  private draw(out: ProgressOutput, line: string): void {
    const width = (out.columns ?? 80) - 1;
    let s = terminalText(line);
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- displayWidth counts code points, so the cut is by code point too
    if (displayWidth(s) > width) s = `${[...s].slice(0, Math.max(1, width - 1)).join("")}…`;
    this.erase(out);
    out.write(s);
    this.shown = true;
  }

  /** Back to the start of the line and erase it: our own sequence, past the terminal-text filter. */
  private erase(out: ProgressOutput): void {
    if (out.control) out.control("\r\x1b[2K");
    else out.write("\r\x1b[2K");
  }
}
