import { csvField, csvLine } from "../../src/cli/output/csv";
import { displayWidth, formatAmount, formatPercent, padEnd } from "../../src/cli/output/format";
import { render, Result } from "../../src/cli/output/render";

describe("formatting", () => {
  it("amounts with thousands separators and 2 decimals; percentages with 1 decimal", () => {
    expect(formatAmount(1234567.891)).toBe("1,234,567.89");
    expect(formatAmount(-80)).toBe("-80.00");
    expect(formatAmount(-0.001)).toBe("0.00"); // never "-0.00"
    expect(formatPercent(0.78787878)).toBe("78.8%");
    expect(formatPercent(1)).toBe("100.0%");
  });

  it("CJK and full-width characters take two columns", () => {
    expect(displayWidth("华东精密")).toBe(8);
    expect(displayWidth("Müller")).toBe(6);
    expect(displayWidth("（元）")).toBe(6);
    expect(displayWidth("A1")).toBe(2);
    expect(padEnd("客户", 6)).toBe("客户  ");
  });
});

describe("render", () => {
  const result: Result = {
    columns: [
      { key: "customer", header: "客户", kind: "text" },
      { key: "value", header: "Value", kind: "amount" },
      { key: "share", header: "Share", kind: "percent" },
    ],
    rows: [
      ["华东精密机械有限公司", 1234.5, 0.5],
      ["ACME, Inc.", -7, ""],
      ['Say "hi"\nthere', 0, null],
    ],
  };

  it("table: columns line up by display width", () => {
    const lines = render(result, "table").trimEnd().split("\n");
    const col = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text) + text.length));
    expect(col(lines[2], "1,234.50")).toBe(col(lines[3], "-7.00"));
    expect(col(lines[2], "1,234.50")).toBe(col(lines[0], "Value"));
    expect(lines[4]).toContain('Say "hi" there'); // line breaks never break the table
  });

  it("csv: RFC 4180 quoting, CRLF, raw numbers, blanks empty", () => {
    expect(render(result, "csv")).toBe(
      '客户,Value,Share\r\n华东精密机械有限公司,1234.5,0.5\r\n"ACME, Inc.",-7,\r\n"Say ""hi""\nthere",0,\r\n',
    );
    expect(csvField(0.1 + 0.2)).toBe("0.30000000000000004"); // full precision
    expect(csvLine([null, undefined, new Date(Date.UTC(2025, 0, 2))])).toBe(",,2025-01-02");
  });

  it("json: objects keyed by column key, blanks as null", () => {
    expect(JSON.parse(render(result, "json"))).toEqual([
      { customer: "华东精密机械有限公司", value: 1234.5, share: 0.5 },
      { customer: "ACME, Inc.", value: -7, share: null },
      { customer: 'Say "hi"\nthere', value: 0, share: null },
    ]);
  });
});
