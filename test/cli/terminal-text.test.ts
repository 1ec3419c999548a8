/**
 * What the command line prints for people is terminal text: ESC (CSI/OSC sequences), the other
 * C0 and C1 controls, bidi overrides and lone surrogates from a customer name, a header or a
 * file name never reach the terminal as themselves; printable text (CJK) is unchanged. CSV and
 * JSON output are data and stay exact.
 */
import { bufferIo } from "../../src/cli/io";
import { Progress } from "../../src/cli/output/progress";
import { terminalStream, terminalText } from "../../src/cli/output/terminal";
import { displayWidth } from "../../src/cli/output/format";
import { cli, tempFile } from "./helpers";

/** Anything a terminal would act on, or that reorders text. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/u;

const OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"; // writes the clipboard
const CLEAR = "\x1b[2J\x1b[H"; // clears the screen
const EVIL = `${OSC52}${CLEAR}Evil\u202Egnp.exe\u2066x\u2069\x9b31m\r\x00Co\uD800`;

describe("terminalText", () => {
  it("shows controls as escapes, lone surrogates as U+FFFD, keeps CJK, emoji, tab and line feed", () => {
    expect(terminalText("a\x1b[31mb")).toBe("a\\x1b[31mb");
    expect(terminalText("x\u202Ey")).toBe("x\\u202ey");
    expect(terminalText("\x07\x7f\x9b\r")).toBe("\\x07\\x7f\\x9b\\x0d");
    expect(terminalText("A\uD800B\uDC00")).toBe("A\uFFFDB\uFFFD");
    expect(terminalText("华东区 客户 😀 ok\t1\n")).toBe("华东区 客户 😀 ok\t1\n");
    expect(UNSAFE.test(terminalText(EVIL))).toBe(false);
    expect(terminalText(terminalText(EVIL))).toBe(terminalText(EVIL)); // applying it twice changes nothing
  });

  it("a terminal stream filters what is written but passes the progress line's own sequence", () => {
    const io = bufferIo();
    const p = Progress.on(terminalStream(io.stderr), true, () => 0);
    p.status(`Writing ${EVIL}.xlsx`);
    p.clear();
    const err = io.err();
    expect(err.startsWith("\r\x1b[2K")).toBe(true);
    expect(err.endsWith("\r\x1b[2K")).toBe(true);
    expect(UNSAFE.test(err.slice(5, -5))).toBe(false);
  });
});

describe("the command line", () => {
  // A NUL would make the reader take the file for binary data; the lone surrogate becomes U+FFFD in UTF-8.
  const NAME = EVIL.replace("\x00", "").replace("\uD800", "\uFFFD");
  const file = tempFile("evil.csv", `Customer,Rev${OSC52}enue\n"${NAME}",100\n华东区客户,50\nPlain,10\n`);

  it("table output: names and headers as terminal text, columns still aligned, CJK intact", async () => {
    const r = await cli("tiers", file, "--value", "2");
    expect(r.code).toBe(0);
    expect(UNSAFE.test(r.out)).toBe(false);
    expect(r.err).toContain('"Rev\\x1b]52;c;ZWNobyBwd25lZA==\\x07enue"'); // the header, in the note on the columns used
    expect(UNSAFE.test(r.err)).toBe(false);
    expect(r.out).toContain("\\x1b]52;c;");
    expect(r.out).toContain("华东区客户");
    const lines = r.out.trimEnd().split("\n");
    // The value column ends at the same display column on every line.
    const ends = lines.slice(2).map((l) => {
      const m = /\s(\d[\d,]*\.\d\d)\s/.exec(l)!;
      return displayWidth(l.slice(0, m.index + 1 + m[1].length));
    });
    expect(new Set(ends).size).toBe(1);
  });

  it("stderr messages that quote the user's text are terminal text", async () => {
    const r = await cli("tiers", file, "--value", "2", "--customer", `No${CLEAR}such\u202E`);
    expect(r.code).toBe(2);
    expect(r.err).toContain("No\\x1b[2J\\x1b[Hsuch\\u202e");
    expect(UNSAFE.test(r.err)).toBe(false);
  });

  it("JSON and CSV stay exact", async () => {
    const json = await cli("tiers", file, "--value", "2", "--format", "json");
    expect((JSON.parse(json.out) as { customer: string }[])[0].customer).toBe(NAME);
    const csv = await cli("tiers", file, "--value", "2", "--format", "csv");
    expect(csv.out).toContain(OSC52);
  });
});
